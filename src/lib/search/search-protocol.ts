// Messages between the page and the search worker. Every request carries an id; the worker answers it once
// with a result or an error, and may send progress events in between.
import type { SearchHit, SearchOptions } from './search-types';
import type { ChangeSequence, IndexChange } from './search-index-store';

export interface OpenedIndex {
	/** The stored index was loaded (false: starting empty, the whole feed must be applied). */
	restored: boolean;
	sequence: ChangeSequence;
	entries: number;
	/** Dictionary words rank the results already (false: the segmenter is loading; ask with `words`). */
	words: boolean;
	/** It began as the server's shipped index, not yet reconciled with a complete local copy. */
	shippedPending: boolean;
	/** The answers' full text is searched already (false: read after the rest; ask with `answers`). */
	answers: boolean;
}

export interface AppliedChanges {
	sequence: ChangeSequence;
	entries: number;
	changed: number;
	/** So many entries were replaced that a rebuild from sequence 0 is due (call reset, then re-apply). */
	needsRebuild: boolean;
}

export interface SeededIndex {
	/** The server's index was taken (false: none, another format, unreachable, or this index holds entries). */
	seeded: boolean;
	entries: number;
	builtAt?: string;
}

export type SearchRequest =
	/** wordsUrl: where the word segmenter's WebAssembly is (the page's precached copy). */
	| { id: number; type: 'open'; name: string; wordsUrl?: string; indexEntries?: boolean }
	| { id: number; type: 'search'; query: string; options: SearchOptions }
	| { id: number; type: 'apply'; changes: IndexChange[]; sequence: ChangeSequence }
	| { id: number; type: 'save' }
	| { id: number; type: 'reset' }
	/** Start from the index the server ships (databaseUrl: …/searchindex; source: the published database). */
	| { id: number; type: 'seed'; databaseUrl: string; source: string }
	/** The local copy is complete: drop what the shipped index holds and the copy did not bring. */
	| { id: number; type: 'settle' }
	/** Answered when the segmenter has loaded (true) or could not (false), apart from the queue. */
	| { id: number; type: 'words' }
	/** Answered when the answers' index is in (true) or could not be read (false: reset), apart from the queue. */
	| { id: number; type: 'answers' };

export interface SearchResults {
	open: OpenedIndex;
	search: SearchHit[];
	apply: AppliedChanges;
	save: null;
	reset: null;
	seed: SeededIndex;
	settle: { entries: number; removed: number };
	words: boolean;
	answers: boolean;
}

export type SearchResponse =
	| { id: number; type: 'result'; value: SearchResults[keyof SearchResults] }
	| { id: number; type: 'error'; message: string };

export type SearchRequestType = SearchRequest['type'];
