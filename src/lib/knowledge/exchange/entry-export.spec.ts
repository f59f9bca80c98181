import { describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { draftEntry } from '../../../../tests/fixtures/documents';
import { categoryPath } from '../category-tree';
import { compileChanges, periodRange } from './compilation';
import { buildImportedEntries, checkImportRows, guessColumnMapping } from './entry-import';
import { compilationExportRows, entryExportRows } from './entry-export';
import { TEST_CATEGORIES } from '../../../../tests/fixtures/import/categories';
import { readFirstSheet, writeWorkbook } from './xlsx';
import { ENTRY_EXPORT_COLUMNS } from './entry-export';

const byId = new Map(TEST_CATEGORIES.map((category) => [category._id, category]));
const pathOf = (id: string) => categoryPath(byId, id);

const entries: Entry[] = [
	draftEntry({
		_id: 'entry:a',
		standardQuestion: '社保卡丢失了怎么补办？',
		categoryId: 'category:shebaoka-buban',
		template: 'serviceGuide',
		answerText: '第一步：挂失；\n第二步：带身份证到窗口补办。\n\n费用：免费。',
		similarQuestions: ['社保卡掉了咋办', '补办社保卡'],
		keywords: ['社保卡', '补办'],
		region: '杭州市',
		validFrom: '2026-01-01',
		validTo: '2027-12-31',
		sources: [
			{ title: '中华人民共和国社会保险法', article: '第五十八条' },
			{ title: '社会保障卡管理办法', documentNumber: '人社部发〔2011〕47号' }
		],
		status: 'published',
		version: 3,
		updatedAt: '2026-11-20T02:05:00.000Z',
		templateFields: []
	}),
	draftEntry({
		_id: 'entry:b',
		standardQuestion: '公积金 "提取" 要什么材料？',
		categoryId: 'category:gjj-other',
		template: 'faq',
		answerText: '身份证, 银行卡; 以及 "提取申请表"',
		similarQuestions: [],
		keywords: [],
		validFrom: null,
		validTo: null,
		sources: [],
		templateFields: []
	}),
	draftEntry({
		_id: 'entry:c',
		standardQuestion: '异地就医怎么备案？',
		categoryId: 'category:yibao',
		template: 'policy',
		sources: [{ title: '国家医保局通知', documentNumber: '医保发〔2022〕22号', article: '第三条' }],
		templateFields: []
	})
];

const CONTENT_FIELDS = [
	'standardQuestion',
	'categoryId',
	'template',
	'answerText',
	'similarQuestions',
	'keywords',
	'region',
	'validFrom',
	'validTo',
	'sources'
] as const;
const contentOf = (entry: Entry) =>
	Object.fromEntries(CONTENT_FIELDS.map((field) => [field, entry[field] ?? null]));

describe('entryExportRows', () => {
	it('writes the headers the importer reads, then state, version and who changed it when (Beijing time)', () => {
		const [header, first] = entryExportRows(entries, pathOf);
		expect(header).toEqual([
			'标准问题',
			'业务分类',
			'条目类型',
			'答案',
			'相似问题',
			'关键词',
			'适用地区',
			'生效日期',
			'失效日期',
			'依据出处',
			'文号',
			'条款',
			'状态',
			'版本',
			'更新人',
			'更新时间'
		]);
		expect(first).toEqual([
			'社保卡丢失了怎么补办？',
			'社会保障 › 社保卡 › 补办',
			'办事指南',
			'第一步：挂失；\n第二步：带身份证到窗口补办。\n\n费用：免费。',
			'社保卡掉了咋办\n补办社保卡',
			'社保卡、补办',
			'杭州市',
			'2026-01-01',
			'2027-12-31',
			'中华人民共和国社会保险法\n社会保障卡管理办法',
			'\n人社部发〔2011〕47号',
			'第五十八条\n',
			'已发布',
			3,
			'editor01',
			'2026-11-20 10:05'
		]);
		expect(header).toHaveLength(ENTRY_EXPORT_COLUMNS.length);
	});
});

describe('export → import round trip', () => {
	async function reimport(rows: (string | number | null)[][]) {
		const [header, ...body] = rows;
		const bytes = await writeWorkbook([
			{ name: '知识点', columns: header!.map((cell) => ({ header: String(cell) })), rows: body }
		]);
		const sheet = await readFirstSheet(bytes);
		const checked = checkImportRows(sheet, guessColumnMapping(sheet[0]!), {
			categories: TEST_CATEGORIES,
			existingQuestions: new Map()
		});
		return {
			checked,
			imported: buildImportedEntries(checked, { userName: 'editor02', now: new Date(), publish: false })
		};
	}

	it('re-imports an Excel export with the same content and no problems', async () => {
		const { checked, imported } = await reimport(entryExportRows(entries, pathOf));
		expect(checked.flatMap((row) => row.errors)).toEqual([]);
		expect(imported.map(contentOf)).toEqual(entries.map(contentOf));
	});

	it('re-imports a compilation export too (its 变动 column is ignored)', async () => {
		const compilation = compileChanges(entries, pathOf, periodRange('year', '2026-03-01'));
		const rows = compilationExportRows(compilation.groups, pathOf);
		expect(rows[0]![0]).toBe('变动');
		const { checked, imported } = await reimport(rows);
		expect(checked.flatMap((row) => row.errors)).toEqual([]);
		expect(
			imported
				.map(contentOf)
				.sort((a, b) => String(a.standardQuestion).localeCompare(String(b.standardQuestion)))
		).toEqual(
			entries
				.map(contentOf)
				.sort((a, b) => String(a.standardQuestion).localeCompare(String(b.standardQuestion)))
		);
	});
});
