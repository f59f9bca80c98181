// Entries as sheet rows, under the same headers the importer reads, so an export re-imports as it is
// (the answer as plain text; rich formatting stays in the knowledge base).
import type { Entry } from '$lib/db/generated/documents';
import { STATUS_LABELS, TEMPLATE_LABELS } from '../labels';
import { beijingDateTime } from './china-time';
import type { CompiledEntry } from './compilation';
import { IMPORT_FIELD_LABELS as LABEL } from './import-fields';
import type { SheetCell, SheetColumn } from './xlsx';

export const ENTRY_EXPORT_COLUMNS: SheetColumn[] = [
	{ header: LABEL.standardQuestion, width: 36 },
	{ header: LABEL.category, width: 28 },
	{ header: LABEL.template, width: 10 },
	{ header: LABEL.answer, width: 60 },
	{ header: LABEL.similarQuestions, width: 30 },
	{ header: LABEL.keywords, width: 20 },
	{ header: LABEL.region, width: 10 },
	{ header: LABEL.validFrom, width: 12 },
	{ header: LABEL.validTo, width: 12 },
	{ header: LABEL.sourceTitle, width: 30 },
	{ header: LABEL.sourceNumber, width: 20 },
	{ header: LABEL.sourceArticle, width: 12 },
	{ header: '状态', width: 8 },
	{ header: '版本', width: 6 },
	{ header: '更新人', width: 10 },
	{ header: '更新时间', width: 17 }
];

export const COMPILATION_EXPORT_COLUMNS: SheetColumn[] = [
	{ header: '变动', width: 6 },
	...ENTRY_EXPORT_COLUMNS
];

function entryCells(entry: Entry, pathOf: (categoryId: string) => string): SheetCell[] {
	return [
		entry.standardQuestion,
		pathOf(entry.categoryId),
		TEMPLATE_LABELS[entry.template],
		entry.answerText,
		entry.similarQuestions.join('\n'),
		entry.keywords.join('、'),
		entry.region,
		entry.validFrom ?? '',
		entry.validTo ?? '',
		// One line per source in each column, so titles, 文号 and 条款 pair up again on import.
		entry.sources.map((source) => source.title).join('\n'),
		entry.sources.some((source) => source.documentNumber)
			? entry.sources.map((source) => source.documentNumber ?? '').join('\n')
			: '',
		entry.sources.some((source) => source.article)
			? entry.sources.map((source) => source.article ?? '').join('\n')
			: '',
		STATUS_LABELS[entry.status],
		entry.version,
		entry.updatedBy,
		beijingDateTime(entry.updatedAt)
	];
}

/** Header row first, then one row per entry. */
export function entryExportRows(entries: Entry[], pathOf: (categoryId: string) => string): SheetCell[][] {
	return [
		ENTRY_EXPORT_COLUMNS.map((column) => column.header),
		...entries.map((entry) => entryCells(entry, pathOf))
	];
}

/** The compilation's entries, group after group, with 新增 / 修改 in front. */
export function compilationExportRows(
	groups: { entries: CompiledEntry[] }[],
	pathOf: (categoryId: string) => string
): SheetCell[][] {
	return [
		COMPILATION_EXPORT_COLUMNS.map((column) => column.header),
		...groups.flatMap((group) => group.entries.map((item) => [item.mark, ...entryCells(item.entry, pathOf)]))
	];
}
