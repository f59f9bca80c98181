// The knowledge area, as other areas and routes use it.
export {
	followCategories,
	getEntry,
	listEntries,
	listPublishedEntries,
	loadCategories,
	type CategoryDirectory,
	type EntryListFilter,
	type StoredEntry
} from './entry.service';
export { checkEntryInput, type EntryInputErrors, type NewEntryInput } from './entry-draft';
export { STATUS_LABELS, TEMPLATE_LABELS, validityLabel } from './labels';
