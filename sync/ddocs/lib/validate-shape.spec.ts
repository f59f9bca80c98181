import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { schemasById } from '../../../src/lib/db/generated/schema-registry';
import { validateDocument } from '../../../src/lib/db/validation';
import { category, draftEntry, evaluation } from '../../../tests/fixtures/documents';

const source = readFileSync(path.join(import.meta.dirname, 'validate-shape.js'), 'utf8');
const validateShape = vm.runInNewContext(`${source}; validateShape`) as (
	value: unknown,
	schemaId: string,
	schemas: Record<string, object>
) => string | null;

const SUPPORTED = new Set([
	'$id',
	'$ref',
	'$defs',
	'title',
	'description',
	'type',
	'const',
	'enum',
	'anyOf',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'minItems',
	'maxItems',
	'minLength',
	'maxLength',
	'pattern',
	'minimum',
	'maximum'
]);

function keywordsOf(node: unknown, found = new Set<string>()): Set<string> {
	if (Array.isArray(node)) node.forEach((child) => keywordsOf(child, found));
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			found.add(key);
			// Under properties/$defs the keys are names, not keywords.
			if (key === 'properties' || key === '$defs')
				Object.values(value as object).forEach((child) => keywordsOf(child, found));
			else keywordsOf(value, found);
		}
	}
	return found;
}

const schemaOf: Record<string, string> = {
	entry: 'entry.schema.json',
	category: 'category.schema.json',
	evaluation: 'evaluation.schema.json'
};

const cases: Array<[string, Record<string, unknown>, boolean]> = [
	['a valid draft entry', draftEntry() as unknown as Record<string, unknown>, true],
	['an entry without standardQuestion', omit(draftEntry(), 'standardQuestion'), false],
	['an entry with a one-character question', { ...draftEntry(), standardQuestion: '问' }, false],
	['an entry with an unknown field', { ...draftEntry(), colour: 'red' }, false],
	['an entry with a bad status', { ...draftEntry(), status: 'deleted' }, false],
	['an entry with a fractional version', { ...draftEntry(), version: 1.5 }, false],
	['an entry with a bad validTo', { ...draftEntry(), validTo: '2026/01/01' }, false],
	['an entry with a source missing its title', { ...draftEntry(), sources: [{ article: '第一条' }] }, false],
	[
		'an entry with a javascript: source link',
		{ ...draftEntry(), sources: [{ title: 'x', url: 'javascript:alert(1)' }] },
		false
	],
	['an entry with a number as similar question', { ...draftEntry(), similarQuestions: [42] }, false],
	['an entry with a bad timestamp', { ...draftEntry(), updatedAt: 'yesterday' }, false],
	[
		'an entry with a history event by nobody',
		{ ...draftEntry(), history: [{ action: 'create', by: '', at: '2026-03-01T08:00:00Z' }] },
		false
	],
	['a root category (null parent)', category() as unknown as Record<string, unknown>, true],
	['a child category', { ...category(), _id: 'category:card', parentId: 'category:shebao' }, true],
	['a category whose parent is not a category id', { ...category(), parentId: 'entry:x' }, false],
	[
		'an evaluation with a N/A score',
		{ ...evaluation(), scores: [{ criterionKey: 'a', points: null, notApplicable: true }] },
		true
	],
	[
		'an evaluation with negative points',
		{ ...evaluation(), scores: [{ criterionKey: 'a', points: -1 }] },
		false
	]
];

function omit(doc: object, key: string): Record<string, unknown> {
	const copy = { ...(doc as Record<string, unknown>) };
	delete copy[key];
	return copy;
}

describe('schemas', () => {
	it('use only the keywords the server-side checker implements', () => {
		const used = new Set<string>();
		for (const schema of Object.values(schemasById)) keywordsOf(schema, used);
		expect([...used].filter((keyword) => !SUPPORTED.has(keyword))).toEqual([]);
	});
});

describe('the server-side shape check agrees with Ajv', () => {
	it.each(cases)('%s', (_name, doc, valid) => {
		const serverError = validateShape(doc, schemaOf[doc.type as string]!, schemasById);
		const client = validateDocument(doc);
		expect(client.ok).toBe(valid);
		expect(serverError === null).toBe(valid);
	});

	it('names the field that is wrong, in Chinese', () => {
		expect(validateShape(omit(draftEntry(), 'answerText'), 'entry.schema.json', schemasById)).toBe(
			'answerText 必填'
		);
		const client = validateDocument({ ...draftEntry(), status: 'deleted' });
		expect(client.ok ? [] : client.errors).toEqual(['status 取值无效']);
	});

	it('ignores CouchDB fields such as _revisions that no schema declares', () => {
		const doc = { ...draftEntry(), _rev: '2-abc', _revisions: { start: 2, ids: ['abc', 'def'] } };
		expect(validateShape(doc, 'entry.schema.json', schemasById)).toBeNull();
	});

	it('counts characters, not UTF-16 units, for length limits', () => {
		// 𠀀 is one character outside the BMP (two UTF-16 units); a two-character question is the minimum.
		const doc = { ...draftEntry(), standardQuestion: '𠀀' };
		expect(validateShape(doc, 'entry.schema.json', schemasById)).toBe('standardQuestion 太短');
		expect(validateDocument(doc).ok).toBe(false);
	});
});
