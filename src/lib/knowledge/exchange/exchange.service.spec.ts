import { readFileSync } from 'node:fs';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalDatabase } from '$lib/db/local-databases';
import { countUnpushed } from '$lib/db/unpushed-changes';
import { draftEntry } from '../../../../tests/fixtures/documents';
import { checkImportRows, guessColumnMapping } from './entry-import';
import {
	commitImport,
	exportEntriesWorkbook,
	loadCompilation,
	loadKnowledgeSnapshot,
	readImportFile
} from './exchange.service';
import { TEST_CATEGORIES } from '../../../../tests/fixtures/import/categories';
import { readFirstSheet, writeWorkbook } from './xlsx';

PouchDB.plugin(memoryAdapter);

// The browser's IndexedDB database is replaced by an in-memory PouchDB, fresh for every test.
const local = vi.hoisted(() => ({ db: null as unknown as LocalDatabase }));
vi.mock('$lib/db/local-databases', () => ({ openLocalDatabase: () => local.db }));

beforeEach(async () => {
	local.db = new PouchDB(`exchange-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;
	await local.db.bulkDocs([
		...TEST_CATEGORIES,
		draftEntry({
			_id: 'entry:existing',
			standardQuestion: '公积金怎么提取？',
			categoryId: 'category:gjj-tiqu',
			templateFields: []
		}),
		draftEntry({
			_id: 'entry:old',
			standardQuestion: '旧政策还有效吗？',
			status: 'archived',
			templateFields: []
		})
	]);
});

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/import/${name}`, import.meta.url)));
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

describe('readImportFile', () => {
	it('reads a GBK CSV and says so', async () => {
		const result = await readImportFile(fileOf(fixture('gbk.csv'), '知识点.CSV'));
		expect(result).toMatchObject({ ok: true, value: { fileName: '知识点.CSV', encoding: 'GB18030' } });
		if (result.ok) expect(result.value.rows[1]![0]).toBe('社保卡丢失了怎么补办？');
	});

	it('reads the first sheet of an .xlsx', async () => {
		const bytes = await writeWorkbook([{ name: 'a', columns: [{ header: '标准问题' }], rows: [['问题一']] }]);
		expect(await readImportFile(fileOf(bytes, 'a.xlsx'))).toEqual({
			ok: true,
			value: { fileName: 'a.xlsx', encoding: 'Excel 工作簿', rows: [['标准问题'], ['问题一']] }
		});
	});

	it('reads .tsv as tab-separated even when the header has commas', async () => {
		const result = await readImportFile(fileOf(new TextEncoder().encode('问题,说明\t答案\n甲\t乙'), 'a.tsv'));
		expect(result).toMatchObject({
			ok: true,
			value: {
				rows: [
					['问题,说明', '答案'],
					['甲', '乙']
				]
			}
		});
	});

	it.each([
		['a.xls', '不支持旧版 Excel 文件（.xls），请在 Excel 中“另存为” .xlsx 或 CSV 后再导入'],
		['a.docx', '只能导入 .xlsx、.csv、.tsv 或 .txt 文件']
	])('refuses %s', async (name, error) => {
		expect(await readImportFile(fileOf(new Uint8Array([1, 2]), name))).toEqual({ ok: false, error });
	});

	it('explains a damaged workbook', async () => {
		const result = await readImportFile(fileOf(new TextEncoder().encode('不是 zip'), 'a.xlsx'));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/^读取文件失败：.*请确认文件没有损坏/);
	});
});

async function checkedRows(lines: string[][]) {
	const snapshot = await loadKnowledgeSnapshot('editor01');
	if (!snapshot.ok) throw new Error(snapshot.error);
	return checkImportRows(lines, guessColumnMapping(lines[0]!), snapshot.value);
}

const HEADER = ['标准问题', '业务分类', '答案'];

describe('loadKnowledgeSnapshot', () => {
	it('knows the questions already in the knowledge base, except archived ones', async () => {
		const rows = await checkedRows([
			HEADER,
			['公积金怎么提取', '提取', '甲'],
			['旧政策还有效吗？', '提取', '乙']
		]);
		expect(rows.map((row) => row.errors)).toEqual([['与已有知识点重复「公积金怎么提取」'], []]);
	});
});

describe('commitImport', () => {
	const editor = { name: 'editor01', roles: ['editor' as const] };
	const reviewer = { name: 'reviewer01', roles: ['reviewer' as const, 'editor' as const] };

	it('writes nothing while any row has a problem', async () => {
		const rows = await checkedRows([
			HEADER,
			['社保卡怎么办？', '补办', '甲'],
			['医保怎么报销？', '交通', '乙']
		]);
		expect(await commitImport(editor, rows, false)).toEqual({
			ok: false,
			error: '还有 1 行有问题，请修正文件后重新选择'
		});
		expect((await local.db.allDocs()).rows).toHaveLength(TEST_CATEGORIES.length + 2);
	});

	it('imports drafts and counts them as not yet pushed', async () => {
		const rows = await checkedRows([
			HEADER,
			['社保卡怎么办？', '补办', '甲'],
			['医保怎么报销？', '医疗保险', '乙']
		]);
		const progress: number[] = [];
		expect(await commitImport(editor, rows, false, (done) => progress.push(done))).toEqual({
			ok: true,
			value: { imported: 2 }
		});
		expect(progress).toEqual([0, 2]);
		const docs = (await local.db.allDocs({ include_docs: true })).rows.map(
			(row) => row.doc as unknown as Record<string, unknown>
		);
		const imported = docs.filter(
			(doc) => (doc.history as { action: string }[] | undefined)?.[0]?.action === 'import'
		);
		expect(imported.map((doc) => [doc.standardQuestion, doc.status, doc.createdBy]).sort()).toEqual([
			['医保怎么报销？', 'draft', 'editor01'],
			['社保卡怎么办？', 'draft', 'editor01']
		]);
		expect(await countUnpushed(local.db)).toBe(2);
	});

	it('lets only reviewers and admins publish at once, with the published version kept and shown to agents', async () => {
		const rows = await checkedRows([HEADER, ['社保卡怎么办？', '补办', '甲']]);
		expect(await commitImport(editor, rows, true)).toEqual({
			ok: false,
			error: '只有审核人或管理员可以直接发布，请取消“直接发布”'
		});
		expect(await commitImport(reviewer, rows, true)).toEqual({ ok: true, value: { imported: 1 } });
		const all = (await local.db.allDocs({ include_docs: true })).rows.map(
			(row) => row.doc as unknown as Record<string, unknown>
		);
		const published = all.find((doc) => doc.type === 'entry' && doc.standardQuestion === '社保卡怎么办？')!;
		expect(published).toMatchObject({ status: 'published', publishedBy: 'reviewer01' });
		expect(all.find((doc) => doc.type === 'entryVersion')).toMatchObject({
			entryId: published._id,
			version: 1,
			publishedBy: 'reviewer01',
			answerText: '甲'
		});
		expect(all.find((doc) => doc.type === 'publishedEntry')).toMatchObject({
			_id: `publishedEntry:${(published._id as string).slice('entry:'.length)}`,
			entryId: published._id,
			status: 'published',
			version: 1,
			updatedBy: 'reviewer01',
			answerText: '甲'
		});
	});
});

describe('exports', () => {
	it('exports the filtered entries as a workbook the importer reads', async () => {
		const result = await exportEntriesWorkbook('editor01', { status: 'draft' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const rows = await readFirstSheet(new Uint8Array(await result.value.arrayBuffer()));
		expect(rows.map((row) => row.slice(0, 2))).toEqual([
			['标准问题', '业务分类'],
			['公积金怎么提取？', '公积金 › 提取']
		]);
	});

	it('refuses a compilation without a valid date', async () => {
		expect(await loadCompilation('editor01', 'week', '')).toEqual({ ok: false, error: '请选择有效的日期' });
	});
});
