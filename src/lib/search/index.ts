// The search area, as routes and other areas use it.
export { highlightSegments, type HighlightSegment } from './highlight';
export { SearchClient, type SearchIndexState } from './search-client';
export type { SearchFilters, SearchHit, SearchOptions } from './search-types';
export { searchEntries, startSearchIndex, type SearchIndexSession } from './search-index.service';
export { isSearchable, toSearchableEntry, type SearchableEntry } from './searchable-entry';
export { DEFAULT_SYNONYM_GROUPS } from './synonyms';
