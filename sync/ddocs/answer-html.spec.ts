// @vitest-environment jsdom
// kb's validate_doc_update holds the answer allowlist wherever a page shows an answer (the entry, its pending
// revision, each published version), for every writer; and every answer the app itself writes passes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import type { Entry, EntryVersion } from '../../src/lib/db/generated/documents';
import {
	newDraftEntry,
	draftEntryFromContent,
	type NewEntryInput
} from '../../src/lib/knowledge/entry-draft';
import {
	buildImportedEntries,
	checkImportRows,
	guessColumnMapping
} from '../../src/lib/knowledge/exchange/entry-import';
import { entryTemplates } from '../../src/lib/knowledge/templates/default-templates';
import { composeForm, emptyForm } from '../../src/lib/knowledge/templates/entry-form';
import * as workflow from '../../src/lib/knowledge/workflow/entry-workflow';
import { AT, draftEntry } from '../../tests/fixtures/documents';
import { HOSTILE_ANSWERS } from '../../tests/fixtures/hostile-answers';
import { TEST_CATEGORIES } from '../../tests/fixtures/import/categories';
import { parseDataset } from '../import/tsv-datasets';
import { publishedDemoEntry } from '../setup/demo-knowledge';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const kb = compileValidateFunction(databases.kb!);

type User = { name: string; roles: string[] };
const editor: User = { name: 'editor01', roles: ['editor'] };
const reviewer: User = { name: 'reviewer01', roles: ['reviewer', 'editor'] };
const serverAdmin: User = { name: 'couchadmin', roles: ['_admin'] };
const actor = (who: User, minutes = 1) => ({
	userName: who.name,
	now: new Date(Date.parse(AT) + minutes * 60_000)
});
const write = (doc: Entry | EntryVersion, previous: Entry | null, who: User) =>
	refusal(() => kb(doc, previous, who, {}));

function published(): Entry {
	const submitted = workflow.submitForReview(draftEntry(), actor(editor));
	return workflow.approve(submitted, actor(reviewer, 2)).entry;
}

/** Each place a page shows an answer from, written as the app would write it, by each kind of writer. */
const PLACES: Array<[string, (html: string) => [Entry | EntryVersion, Entry | null, User]]> = [
	['a new draft by an editor', (html) => [draftEntry({ answerHtml: html }), null, editor]],
	[
		'a pending revision by an editor',
		(html) => {
			const live = published();
			const content = { ...workflow.workingContent(live), answerHtml: html };
			return [workflow.saveContent(live, content, actor(editor, 3)), live, editor];
		}
	],
	[
		'a published version by a reviewer',
		(html) => [
			{ ...workflow.versionSnapshot(published(), 'reviewer01', AT), answerHtml: html },
			null,
			reviewer
		]
	],
	['an entry by the server admin', (html) => [{ ...published(), answerHtml: html }, null, serverAdmin]],
	[
		'a revision by the server admin',
		(html) => {
			const live = published();
			const content = { ...workflow.workingContent(live), answerHtml: html };
			return [workflow.saveContent(live, content, actor(editor, 3)), live, serverAdmin];
		}
	],
	[
		'a published version by the server admin',
		(html) => [
			{ ...workflow.versionSnapshot(published(), 'reviewer01', AT), answerHtml: html },
			null,
			serverAdmin
		]
	]
];

describe('kb refuses hostile answer HTML wherever a page shows it, whoever writes it', () => {
	it.each(PLACES)('accepts a clean answer in %s', (_place, build) => {
		const [doc, previous, who] = build(
			'<p>携带<strong>身份证</strong>办理，详见<a href="https://a.example" target="_blank" rel="noopener noreferrer">网站</a>。</p>'
		);
		expect(write(doc, previous, who)).toBeNull();
	});

	it.each(HOSTILE_ANSWERS.filter(([, html]) => typeof html === 'string'))('refuses %s', (_name, html) => {
		for (const [place, build] of PLACES) {
			const [doc, previous, who] = build(html);
			expect([place, write(doc, previous, who)]).toEqual([
				place,
				expect.stringMatching(/^(?:修订稿的)?答案含有不允许的 HTML: /)
			]);
		}
	});

	it('says which answer is wrong', () => {
		const [revision, live] = PLACES[1]![1]('<img src=x onerror="alert(1)">');
		expect(write(revision, live, editor)).toBe('修订稿的答案含有不允许的 HTML: 不允许的标签 <img>');
		expect(write(draftEntry({ answerHtml: '<p onclick="x()">正文</p>' }), null, editor)).toBe(
			'答案含有不允许的 HTML: <p> 不允许带属性 onclick'
		);
	});
});

// Text from a sheet, a data set or the form: everyday answers and ones that try to smuggle markup in.
const TEXTS: Array<[string, string]> = [
	['one sentence', '携带身份证到社保经办窗口办理。'],
	['paragraphs and lines', '办理材料：\n1. 身份证\n2. 一寸照片\n\n费用：免费\n- 工作日受理'],
	['comparison signs, ampersand and quotes', '年龄 < 18 & 收入 > 5000 元，"特殊" \'情况\' 另议'],
	['an image with onerror', '<img src=x onerror="alert(1)">'],
	['a javascript: link', '<a href="javascript:alert(1)">点我</a>'],
	['a script in a numbered line', '1. <script>alert(1)</script>\n- <svg onload=alert(1)>'],
	['a comment and references', '<!-- 批注 --> &lt;p&gt; &amp; &#123;'],
	['a no-break space and a tab', '甲\u00a0乙\t丙']
];

const typed = (answerText: string): NewEntryInput => ({
	standardQuestion: '社保卡丢失了怎么补办？',
	categoryId: 'category:shebao',
	template: 'faq',
	answerText,
	similarQuestions: [],
	keywords: [],
	region: '全省',
	validFrom: null,
	validTo: null
});

const templateOf = (name: string) => entryTemplates.find((template) => template.template === name)!;

/** Each way the app turns an answer into a stored document, with who writes it. */
const WRITERS: Array<[string, (text: string) => [Entry, User]]> = [
	[
		'a new entry typed as text',
		(text) => [newDraftEntry(typed(text), 'entry:typed', 'editor01', new Date(AT)), editor]
	],
	[
		'a spreadsheet import',
		(text) => {
			const rows = [
				['标准问题', '业务分类', '答案'],
				['社保卡丢失了怎么补办？', '补办', text]
			];
			const checked = checkImportRows(rows, guessColumnMapping(rows[0]!), {
				categories: TEST_CATEGORIES,
				existingQuestions: new Map()
			});
			const [entry] = buildImportedEntries(checked, {
				userName: 'reviewer01',
				now: new Date(AT),
				publish: true
			});
			return [entry!, reviewer];
		}
	],
	[
		'the policy Q&A data set',
		(text) => {
			const answer = text.replace(/[\t\r\n]+/g, ' ');
			const parsed = parseDataset(
				`id\tdoc_id\tquestion\tanswer\nq1\td1\t复工补贴怎么申请？\t${answer}\n`,
				'import',
				AT
			);
			return [parsed.documents[1] as Entry, serverAdmin];
		}
	],
	[
		'the form, with the text in a template section',
		(text) => {
			const form = emptyForm('2026-03-01', 'serviceGuide');
			form.content.standardQuestion = '社保卡丢失了怎么补办？';
			form.content.categoryId = 'category:shebao';
			form.content.templateFields = [
				{ key: 'materials', value: text },
				{ key: 'process', value: `窗口受理\n${text}` }
			];
			form.freeAnswerHtml = '<p>详见<a href="https://a.example">网站</a></p>';
			return [
				draftEntryFromContent(
					composeForm(form, templateOf('serviceGuide')),
					'entry:form',
					'editor01',
					new Date(AT)
				),
				editor
			];
		}
	],
	[
		'the form, with the text as the editor’s HTML',
		(text) => {
			const form = emptyForm('2026-03-01', 'faq');
			form.content.standardQuestion = '社保卡丢失了怎么补办？';
			form.content.categoryId = 'category:shebao';
			form.freeAnswerHtml = `<p>${text}</p>`;
			return [
				draftEntryFromContent(composeForm(form, templateOf('faq')), 'entry:form', 'editor01', new Date(AT)),
				editor
			];
		}
	]
];

describe('every answer the app writes passes the server', () => {
	it.each(
		WRITERS.flatMap(([writer, build]) => TEXTS.map(([text, value]) => [writer, text, build, value] as const))
	)('%s: %s', (_writer, _text, build, value) => {
		const [entry, who] = build(value);
		expect(write(entry, null, who)).toBeNull();
	});

	it('loads every demo answer as setup does', () => {
		const demo = JSON.parse(
			readFileSync(path.join(import.meta.dirname, '../demo/knowledge.json'), 'utf8')
		) as {
			entries: Parameters<typeof publishedDemoEntry>[0][];
		};
		for (const entry of demo.entries)
			expect([entry._id, write(publishedDemoEntry(entry, AT), null, serverAdmin)]).toEqual([entry._id, null]);
	});
});
