import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '$lib/db/validation';
import { parseCsv } from './csv';
import {
	buildImportedEntries,
	checkImportRows,
	guessColumnMapping,
	type ImportContext
} from './entry-import';
import { emptyColumnMapping } from './import-fields';
import { normalizeQuestion } from './import-values';
import { TEST_CATEGORIES } from '../../../../tests/fixtures/import/categories';

const repository = new URL('../../../../', import.meta.url);
const readText = (path: string) => readFileSync(new URL(path, repository), 'utf8');

const context: ImportContext = {
	categories: TEST_CATEGORIES,
	existingQuestions: new Map([[normalizeQuestion('公积金怎么提取？'), 'entry:existing']])
};

describe('guessColumnMapping', () => {
	it('reads our own headers, with notes and full-width characters', () => {
		expect(
			guessColumnMapping([
				'序号',
				'标准问题（必填）',
				'业务分类*',
				'答案',
				'相似问题',
				'关键词',
				'适用地区',
				'文号',
				'依据出处'
			])
		).toMatchObject({
			standardQuestion: 1,
			category: 2,
			answer: 3,
			similarQuestions: 4,
			keywords: 5,
			region: 6,
			sourceNumber: 7,
			sourceTitle: 8,
			template: null,
			validFrom: null
		});
	});

	it('reads short and English headers', () => {
		expect(guessColumnMapping(['id', 'Question', 'Answer', '分类', '类型', '地区', '依据'])).toMatchObject({
			standardQuestion: 1,
			answer: 2,
			category: 3,
			template: 4,
			region: 5,
			sourceTitle: 6
		});
	});

	it('does not take 相似问题 for the standard question', () => {
		expect(guessColumnMapping(['相似问题', '问题'])).toMatchObject({
			standardQuestion: 1,
			similarQuestions: 0
		});
	});
});

describe('checkImportRows with the bad-rows fixture', () => {
	const rows = parseCsv(readText('tests/fixtures/import/bad-rows.csv'));
	const checked = checkImportRows(rows, guessColumnMapping(rows[0]!), context);
	const errorsOf = (rowNumber: number) => checked.find((row) => row.rowNumber === rowNumber)?.errors;

	it.each([
		[2, []],
		[3, ['缺少标准问题']],
		[4, ['缺少答案']],
		[5, ['未知分类「交通出行」']],
		[6, ['分类「其他」不唯一，请写完整路径']],
		[7, ['日期格式不正确「2026-13-01」']],
		[8, ['失效日期早于生效日期']],
		[9, ['未知条目类型「通知公告」']],
		[10, ['与第 2 行重复']],
		[11, ['与已有知识点重复「公积金怎么提取？」']],
		[13, []],
		[14, ['标准问题太短（至少 2 个字）', '缺少答案', '日期格式不正确「2026.2.30」']]
	])('row %i: %j', (rowNumber, errors) => {
		expect(errorsOf(rowNumber)).toEqual(errors);
	});

	it('skips the empty row silently', () => {
		expect(checked.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14]);
	});

	it('reads every column of a good row', () => {
		expect(checked.find((row) => row.rowNumber === 13)?.content).toEqual({
			standardQuestion: '异地就医怎么备案？',
			categoryId: 'category:yibao',
			template: 'policy',
			answerText: '第一步：在"国家医保服务平台"APP 申请；\n第二步：等待审核。',
			similarQuestions: ['异地就医备案怎么办', '跨省就医要备案吗'],
			keywords: ['异地就医', '备案', '医保'],
			region: '杭州市',
			validFrom: '2026-01-31',
			validTo: '2026-12-31',
			sources: [
				{
					title: '国家医保局关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知',
					documentNumber: '医保发〔2022〕22号'
				}
			]
		});
		expect(checked.find((row) => row.rowNumber === 2)?.content).toMatchObject({
			template: 'serviceGuide',
			region: '全省',
			validFrom: '2026-01-01',
			validTo: null,
			sources: []
		});
	});

	it('has no content for rows with errors', () => {
		expect(checked.filter((row) => row.content).map((row) => row.rowNumber)).toEqual([2, 13]);
	});
});

describe('checkImportRows: categories and sources', () => {
	const headers = ['标准问题', '答案', '业务分类', '依据出处', '文号'];

	it('puts rows without a category where the editor chose, or reports them', () => {
		const rows = [headers, ['医保怎么报销？', '按规定报销。', '', '', '']];
		const mapping = guessColumnMapping(headers);
		expect(checkImportRows(rows, mapping, context)[0]!.errors).toEqual(['缺少业务分类']);
		const withFallback = checkImportRows(rows, mapping, { ...context, fallbackCategoryId: 'category:yibao' });
		expect(withFallback[0]!.content?.categoryId).toBe('category:yibao');
	});

	it('pairs source titles and 文号 line by line', () => {
		const rows = [
			headers,
			['医保怎么报销？', '按规定报销。', '医疗保险', '社会保险法\n医保条例', '\n国令第 1 号']
		];
		expect(checkImportRows(rows, guessColumnMapping(headers), context)[0]!.content?.sources).toEqual([
			{ title: '社会保险法' },
			{ title: '医保条例', documentNumber: '国令第 1 号' }
		]);
		const orphan = [headers, ['医保怎么报销？', '按规定报销。', '医疗保险', '', '国令第 1 号']];
		expect(checkImportRows(orphan, guessColumnMapping(headers), context)[0]!.errors).toEqual([
			'填写了文号或条款「国令第 1 号」但缺少依据出处'
		]);
	});

	it('reports a sheet without a question column on every row', () => {
		const rows = [['答案'], ['按规定报销。']];
		expect(
			checkImportRows(rows, emptyColumnMapping(), { ...context, fallbackCategoryId: 'category:yibao' })
		).toEqual([{ rowNumber: 2, errors: ['缺少标准问题', '缺少答案'] }]);
	});
});

describe('buildImportedEntries', () => {
	const rows = parseCsv(readText('tests/fixtures/import/bad-rows.csv'));
	const checked = checkImportRows(rows, guessColumnMapping(rows[0]!), context);
	const now = new Date('2026-11-20T02:00:00.000Z');

	it('builds valid drafts from the rows without errors', () => {
		const entries = buildImportedEntries(checked, { userName: 'editor01', now, publish: false });
		expect(entries.map((entry) => entry.standardQuestion)).toEqual([
			'社保卡丢失了怎么补办？',
			'异地就医怎么备案？'
		]);
		for (const entry of entries) expect(validateDocument(entry)).toEqual({ ok: true });
		expect(entries[0]).toMatchObject({
			status: 'draft',
			version: 1,
			answerHtml: '<p>携带身份证到社保经办窗口办理。</p>',
			relatedEntries: [],
			templateFields: [],
			createdBy: 'editor01',
			updatedAt: now.toISOString(),
			history: [{ action: 'import', by: 'editor01', at: now.toISOString() }]
		});
		expect(entries[0]).not.toHaveProperty('publishedAt');
		expect(entries[1]!.answerHtml).toBe(
			'<p>第一步：在&quot;国家医保服务平台&quot;APP 申请；<br>第二步：等待审核。</p>'
		);
		expect(new Set(entries.map((entry) => entry._id)).size).toBe(2);
		expect(entries[0]!._id).toMatch(/^entry:[0-9a-f-]{36}$/);
	});

	it('publishes at once when asked', () => {
		const [entry] = buildImportedEntries(checked, { userName: 'reviewer01', now, publish: true });
		expect(entry).toMatchObject({
			status: 'published',
			publishedAt: now.toISOString(),
			publishedBy: 'reviewer01',
			lastReviewedAt: now.toISOString(),
			reviewer: 'reviewer01'
		});
		expect(validateDocument(entry)).toEqual({ ok: true });
	});
});

// The shared data set lives beside the repository, not in it: clones without it skip this block.
const POLICY_QA = '../shared/data/policy-qa.tsv';
const hasPolicyQa = existsSync(new URL(POLICY_QA, repository));

describe.skipIf(!hasPolicyQa)('the 5 000 policy Q&As of ../shared/data/policy-qa.tsv', () => {
	const rows = hasPolicyQa ? parseCsv(readText(POLICY_QA)) : [['id', 'doc_id', 'question', 'answer']];
	const mapping = guessColumnMapping(rows[0]!);
	const checked = checkImportRows(rows, mapping, {
		categories: TEST_CATEGORIES,
		existingQuestions: new Map(),
		fallbackCategoryId: 'category:policy-qa'
	});

	it('maps question and answer, and checks every row', () => {
		expect(mapping).toMatchObject({ standardQuestion: 2, answer: 3, category: null });
		expect(checked).toHaveLength(5000);
	});

	it('finds no problem other than the questions the file itself repeats', () => {
		// The file repeats some questions word for word (the same question answered by two documents).
		const firstRow = new Map<string, number>();
		const repeats = new Map<number, string>();
		rows.slice(1).forEach((row, index) => {
			const question = row[2]!.trim();
			const earlier = firstRow.get(question);
			if (earlier) repeats.set(index + 2, `与第 ${earlier} 行重复`);
			else firstRow.set(question, index + 2);
		});
		const problems = new Map(
			checked.filter((row) => row.errors.length > 0).map((row) => [row.rowNumber, row.errors.join('；')])
		);
		expect(repeats.size).toBeGreaterThan(0);
		expect(problems).toEqual(repeats);
	});

	it('builds a valid published entry for every other row', () => {
		const entries = buildImportedEntries(checked, { userName: 'reviewer01', now: new Date(), publish: true });
		expect(entries).toHaveLength(5000 - checked.filter((row) => row.errors.length > 0).length);
		expect(entries.filter((entry) => !validateDocument(entry).ok)).toEqual([]);
		expect(entries.every((entry) => entry.categoryId === 'category:policy-qa')).toBe(true);
	});
});
