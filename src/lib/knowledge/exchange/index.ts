// Import, export and compilation (汇编) of knowledge entries, as the editor pages use them.
export {
	commitImport,
	compilationWorkbook,
	downloadFile,
	exportEntriesWorkbook,
	importTemplateWorkbook,
	loadCompilation,
	loadKnowledgeSnapshot,
	mayPublishOnImport,
	readImportFile,
	type CompilationView,
	type EntryExportFilter,
	type ImportSheet,
	type KnowledgeSnapshot
} from './exchange.service';
export { checkImportRows, type CheckedRow, type ImportContext } from './entry-import';
export {
	emptyColumnMapping,
	guessColumnMapping,
	IMPORT_FIELD_LABELS,
	IMPORT_FIELDS,
	type ColumnMapping,
	type ImportField
} from './import-fields';
export { PERIOD_LABELS, type ChangeMark, type PeriodKind } from './compilation';
export { beijingDate, beijingDateTime } from './china-time';
