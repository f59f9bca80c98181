// The knowledge area, as other areas and routes use it.
export {
	followCategories,
	getEntry,
	listEntries,
	loadCategories,
	type CategoryDirectory,
	type EntryListFilter,
	type StoredEntry
} from './entry.service';
// What agents are shown: the reviewed publications of entries, by entry id.
export {
	getPublishedEntriesInOrder,
	getPublishedEntry,
	listPublishedEntries,
	publishedEntryTitles,
	type PublishedEntryFilter,
	type StoredPublishedEntry
} from './published-entry.service';
export { checkEntryInput, type EntryInputErrors, type NewEntryInput } from './entry-draft';
export { STATUS_LABELS, TEMPLATE_LABELS, validityLabel } from './labels';
