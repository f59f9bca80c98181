// What the import and compilation pages call: reading files, checking against the local knowledge base,
import { explainFailure } from '$lib/db/validation';
// writing all rows or none, and building Excel files. Returns results, never throws at the UI.
import { saveAllOrNothing } from '$lib/db/bulk-save';
import { KNOWLEDGE_DB, type Role } from '$lib/db/catalog';
import type { AnyDocument, Category, Entry } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { failure, success, type Result } from '$lib/result';
import { categoryOptions, categoryPath, type CategoryOption } from '../category-tree';
import { versionSnapshot } from '../workflow/entry-workflow';
import { publicationOf } from '../workflow/publication';
import {
	compileChanges,
	periodRange,
	type Compilation,
	type PeriodKind,
	type PeriodRange
} from './compilation';
import { parseCsv } from './csv';
import { decodeTextFile } from './decode-text';
import { buildImportedEntries, type CheckedRow } from './entry-import';
import {
	COMPILATION_EXPORT_COLUMNS,
	compilationExportRows,
	ENTRY_EXPORT_COLUMNS,
	entryExportRows
} from './entry-export';
import { normalizeQuestion } from './import-values';
import { readFirstSheet, writeWorkbook } from './xlsx';

const MAX_FILE_BYTES = 30 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface KnowledgeSnapshot {
	categories: Category[];
	options: CategoryOption[];
	pathOf(categoryId: string): string;
	entries: Entry[];
	/** normalizeQuestion(standard question) → entry id, for entries not archived. */
	existingQuestions: Map<string, string>;
}

export async function loadKnowledgeSnapshot(userName: string): Promise<Result<KnowledgeSnapshot>> {
	try {
		const [categories, entries] = await Promise.all([
			new Repository(userName, 'category').all(),
			new Repository(userName, 'entry').all()
		]);
		const byId = new Map(categories.map((category) => [category._id, category]));
		const existingQuestions = new Map<string, string>();
		for (const entry of entries) {
			if (entry.status !== 'archived')
				existingQuestions.set(normalizeQuestion(entry.standardQuestion), entry._id);
		}
		return success({
			categories,
			options: categoryOptions(categories),
			pathOf: (id) => categoryPath(byId, id) || '（未知分类）',
			entries,
			existingQuestions
		});
	} catch (error) {
		return failure(explainFailure(error, '读取本机知识库'));
	}
}

export interface ImportSheet {
	fileName: string;
	/** UTF-8, GB18030 or UTF-16LE for text files; "Excel 工作簿" for .xlsx. */
	encoding: string;
	rows: string[][];
}

export async function readImportFile(file: File): Promise<Result<ImportSheet>> {
	const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
	if (extension === 'xls' || extension === 'et')
		return failure('不支持旧版 Excel 文件（.xls），请在 Excel 中“另存为” .xlsx 或 CSV 后再导入');
	if (!['xlsx', 'csv', 'tsv', 'txt'].includes(extension))
		return failure('只能导入 .xlsx、.csv、.tsv 或 .txt 文件');
	if (file.size > MAX_FILE_BYTES) return failure('文件超过 30 MB，请拆分后分批导入');
	try {
		const bytes = new Uint8Array(await file.arrayBuffer());
		if (extension === 'xlsx') {
			return success({ fileName: file.name, encoding: 'Excel 工作簿', rows: await readFirstSheet(bytes) });
		}
		const { text, encoding } = decodeTextFile(bytes);
		const rows = extension === 'tsv' ? parseCsv(text, '\t') : parseCsv(text);
		return success({ fileName: file.name, encoding, rows });
	} catch (error) {
		return failure(explainFailure(error, '读取文件') + '。请确认文件没有损坏，或在 Excel 中另存后重试');
	}
}

export function mayPublishOnImport(roles: Role[]): boolean {
	return roles.includes('reviewer') || roles.includes('admin');
}

export interface ImportUser {
	name: string;
	roles: Role[];
}

export async function commitImport(
	user: ImportUser,
	rows: CheckedRow[],
	publish: boolean,
	onProgress?: (done: number, total: number) => void
): Promise<Result<{ imported: number }>> {
	const withErrors = rows.filter((row) => row.errors.length > 0).length;
	if (withErrors > 0) return failure(`还有 ${withErrors} 行有问题，请修正文件后重新选择`);
	if (publish && !mayPublishOnImport(user.roles))
		return failure('只有审核人或管理员可以直接发布，请取消“直接发布”');
	const importable = rows.filter((row) => row.content);
	if (importable.length === 0) return failure('文件里没有可导入的行');

	const now = new Date();
	const entries = buildImportedEntries(importable, { userName: user.name, now, publish });
	// A published entry keeps the snapshot of its version, as publishing in the editor does, and agents read
	// its publication: both land with the entries, all or nothing.
	const versions = publish
		? entries.map((entry) => versionSnapshot(entry, user.name, now.toISOString()))
		: [];
	const publications = publish ? entries.flatMap((entry) => publicationOf(entry) ?? []) : [];
	const docs: AnyDocument[] = [...entries, ...versions, ...publications];
	const describe = (index: number) => {
		const row = importable[index % entries.length]!.rowNumber;
		if (index < entries.length) return `第 ${row} 行`;
		return index < 2 * entries.length ? `第 ${row} 行（发布版本）` : `第 ${row} 行（话务员看到的内容）`;
	};
	const result = await saveAllOrNothing(user.name, KNOWLEDGE_DB, docs, onProgress, { describe });
	if (!result.ok) return failure(`导入失败：${result.error}`);
	return success({ imported: entries.length });
}

/** Hands a file to the browser's download (browser only). */
export function downloadFile(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface EntryExportFilter {
	status?: Entry['status'];
	/** Words that must all appear in the standard question or a similar question. */
	text?: string;
}

function matchesFilter(entry: Entry, filter: EntryExportFilter): boolean {
	if (filter.status && entry.status !== filter.status) return false;
	const words = (filter.text ?? '').trim().split(/\s+/).filter(Boolean);
	const haystack = [entry.standardQuestion, ...entry.similarQuestions].join('\n');
	return words.every((word) => haystack.includes(word));
}

/** The matching entries as an .xlsx in the import layout, sorted by category and question. */
export async function exportEntriesWorkbook(
	userName: string,
	filter: EntryExportFilter
): Promise<Result<Blob>> {
	const snapshot = await loadKnowledgeSnapshot(userName);
	if (!snapshot.ok) return snapshot;
	try {
		const collator = new Intl.Collator('zh-CN');
		const { pathOf } = snapshot.value;
		const entries = snapshot.value.entries
			.filter((entry) => matchesFilter(entry, filter))
			.sort(
				(a, b) =>
					collator.compare(pathOf(a.categoryId), pathOf(b.categoryId)) ||
					collator.compare(a.standardQuestion, b.standardQuestion)
			);
		const [, ...rows] = entryExportRows(entries, pathOf);
		const bytes = await writeWorkbook([{ name: '知识点', columns: ENTRY_EXPORT_COLUMNS, rows }]);
		return success(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
	} catch (error) {
		return failure(explainFailure(error, '导出'));
	}
}

/** An empty sheet with the headers the importer reads and one example row. */
export async function importTemplateWorkbook(): Promise<Result<Blob>> {
	try {
		const example = [
			'社保卡丢失了怎么补办？',
			'社会保障 › 社保卡',
			'办事指南',
			'携带身份证到社保经办窗口办理。'
		];
		const rows = [
			[...example, '社保卡掉了咋办\n社保卡补办', '社保卡、补办', '全省', '2026-01-01', '', '', '', '']
		];
		const bytes = await writeWorkbook([{ name: '知识点', columns: ENTRY_EXPORT_COLUMNS.slice(0, 12), rows }]);
		return success(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
	} catch (error) {
		return failure(explainFailure(error, '生成模板'));
	}
}

export interface CompilationView {
	range: PeriodRange;
	compilation: Compilation;
	pathOf(categoryId: string): string;
}

/** The 汇编 of published entries (what agents see) for the period containing the anchor day. */
export async function loadCompilation(
	userName: string,
	kind: PeriodKind,
	anchor: string
): Promise<Result<CompilationView>> {
	let range: PeriodRange;
	try {
		range = periodRange(kind, anchor);
	} catch {
		return failure('请选择有效的日期');
	}
	const snapshot = await loadKnowledgeSnapshot(userName);
	if (!snapshot.ok) return snapshot;
	const { entries, pathOf } = snapshot.value;
	const published = entries.filter((entry) => entry.status === 'published');
	return success({ range, compilation: compileChanges(published, pathOf, range), pathOf });
}

export async function compilationWorkbook(view: CompilationView): Promise<Result<Blob>> {
	try {
		const [, ...rows] = compilationExportRows(view.compilation.groups, view.pathOf);
		const bytes = await writeWorkbook([
			{ name: `汇编 ${view.range.label}`, columns: COMPILATION_EXPORT_COLUMNS, rows }
		]);
		return success(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
	} catch (error) {
		return failure(explainFailure(error, '导出'));
	}
}
