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
// 分平台 names for showing an entry's scope (the list itself is kept in sub-platforms/).
export { followSubPlatformNames, listSubPlatforms, loadSubPlatformNames } from './sub-platform.service';
export { PROVINCE_LABEL, type SubPlatformNames } from './sub-platforms/sub-platform-names';
