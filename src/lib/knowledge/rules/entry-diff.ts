// What changed between two contents of an entry, field by field, ready for a side-by-side table.
import type { Entry } from '$lib/db/generated/documents';
import {
	CONTENT_FIELD_LABELS,
	ENTRY_CONTENT_FIELDS,
	type EntryContent,
	type EntryContentField
} from '../entry-content';
import { TEMPLATE_LABELS } from '../labels';
import { diffTextSegments, type DiffSegment } from './text-diff';

export type { DiffSegment, SegmentChange } from './text-diff';

export interface ContentDiffRow {
	field: EntryContentField;
	label: string;
	changed: boolean;
	kind: 'text' | 'list' | 'value';
	/** the whole value as one display string (list items one per line) */
	before: string;
	after: string;
	/** text rows: the character diff */
	segments?: DiffSegment[];
	/** list rows: items only in `after` / only in `before` */
	added?: string[];
	removed?: string[];
	/** list rows: every item of each side, in order, for showing the lists in full */
	beforeItems?: string[];
	afterItems?: string[];
}

/** How ids are shown to people; without them the raw id (or key) is shown. */
export interface ContentDescriber {
	categoryPath?(id: string): string;
	entryTitle?(id: string): string;
	templateFieldLabel?(key: string): string;
}

type Source = Entry['sources'][number];
type TemplateField = Entry['templateFields'][number];

/** One row per content field; the answer is compared as plain text (answerHtml is its formatting). */
export function diffEntryContent(
	before: EntryContent,
	after: EntryContent,
	describe: ContentDescriber = {}
): ContentDiffRow[] {
	return ENTRY_CONTENT_FIELDS.filter((field) => field !== 'answerHtml').map((field) => {
		const label = CONTENT_FIELD_LABELS[field];
		switch (field) {
			case 'standardQuestion':
			case 'answerText':
				return textRow(field, label, before[field], after[field]);
			case 'similarQuestions':
			case 'keywords':
				return listRow(field, label, before[field], after[field]);
			case 'relatedEntries': {
				const title = describe.entryTitle ?? ((id: string) => id);
				return listRow(field, label, before[field].map(title), after[field].map(title));
			}
			case 'sources':
				return listRow(field, label, before.sources.map(sourceLine), after.sources.map(sourceLine));
			case 'templateFields':
				return templateFieldsRow(before.templateFields, after.templateFields, describe);
			case 'categoryId': {
				const path = describe.categoryPath ?? ((id: string) => id);
				return valueRow(field, label, before.categoryId, after.categoryId, path);
			}
			case 'template':
				return valueRow(field, label, before.template, after.template, (t) => TEMPLATE_LABELS[t]);
			case 'overrides': {
				const title = describe.entryTitle ?? ((id: string) => id);
				const shown = (id: string) => (id ? title(id) : '无');
				return valueRow(field, label, before.overrides ?? '', after.overrides ?? '', shown);
			}
			case 'validTo':
				return valueRow(field, label, before.validTo ?? '', after.validTo ?? '', (date) => date || '长期');
			default:
				return valueRow(field, label, String(before[field] ?? ''), String(after[field] ?? ''), (v) => v);
		}
	});
}

/** 标题 文号 条款 发布机关 日期, the parts that are filled in. */
export function sourceLine(source: Source): string {
	return [source.title, source.documentNumber, source.article, source.issuer, source.issuedOn]
		.map((part) => part?.trim())
		.filter(Boolean)
		.join(' ');
}

function textRow(field: EntryContentField, label: string, before: string, after: string): ContentDiffRow {
	return {
		field,
		label,
		changed: before !== after,
		kind: 'text',
		before,
		after,
		segments: diffTextSegments(before, after)
	};
}

/** A pure reordering is not reported as a change: only items that came or went are. */
function listRow(
	field: EntryContentField,
	label: string,
	beforeItems: string[],
	afterItems: string[]
): ContentDiffRow {
	const beforeSet = new Set(beforeItems);
	const afterSet = new Set(afterItems);
	const added = afterItems.filter((item) => !beforeSet.has(item));
	const removed = beforeItems.filter((item) => !afterSet.has(item));
	return {
		field,
		label,
		changed: added.length > 0 || removed.length > 0,
		kind: 'list',
		before: beforeItems.join('\n'),
		after: afterItems.join('\n'),
		added,
		removed,
		beforeItems: [...beforeItems],
		afterItems: [...afterItems]
	};
}

/** Compared key by key: a changed value shows as its old line removed and its new line added. */
function templateFieldsRow(
	before: TemplateField[],
	after: TemplateField[],
	describe: ContentDescriber
): ContentDiffRow {
	const keyLabel = describe.templateFieldLabel ?? ((key: string) => key);
	const line = (field: TemplateField) => `${keyLabel(field.key)}：${field.value}`;
	const beforeByKey = new Map(before.map((field) => [field.key, field.value]));
	const afterByKey = new Map(after.map((field) => [field.key, field.value]));
	const added = after.filter((field) => beforeByKey.get(field.key) !== field.value).map(line);
	const removed = before.filter((field) => afterByKey.get(field.key) !== field.value).map(line);
	const beforeItems = before.map(line);
	const afterItems = after.map(line);
	return {
		field: 'templateFields',
		label: CONTENT_FIELD_LABELS.templateFields,
		changed: added.length > 0 || removed.length > 0,
		kind: 'list',
		before: beforeItems.join('\n'),
		after: afterItems.join('\n'),
		added,
		removed,
		beforeItems,
		afterItems
	};
}

function valueRow<T extends string>(
	field: EntryContentField,
	label: string,
	before: T,
	after: T,
	show: (value: T) => string
): ContentDiffRow {
	return { field, label, changed: before !== after, kind: 'value', before: show(before), after: show(after) };
}
