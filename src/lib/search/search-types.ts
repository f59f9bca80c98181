// What callers of the search pass and get back, and the stored form of its index.

export interface SearchFilters {
	categoryIds?: readonly string[];
	/** A city: its own entries and the province-wide ones. */
	region?: string;
	template?: string;
}

export interface SearchOptions {
	limit?: number;
	filters?: SearchFilters;
	/** YYYY-MM-DD: entries not in force that day are left out. */
	today?: string;
	/**
	 * The agents' screen: a city entry that overrides a province entry takes its place (city-overrides.ts).
	 * Off for editors, whose copy holds every city's entries beside the province's.
	 */
	cityOverrides?: boolean;
}

export interface SearchHit {
	id: string;
	score: number;
	/** Normalized query terms found in the entry, for highlighting. */
	matchedTerms: string[];
	/**
	 * How much of the query the matched question holds, 0…1: the share of the query's characters and pairs,
	 * weighed by rarity, found in it (match-strength.ts says when that is weak).
	 */
	strength: number;
	/** The query as the search read it, when it corrected a homophone slip (按"社保卡补办"搜索). */
	readAs?: string;
	/**
	 * The query's terms its full answer holds and its question does not (pairs of characters, whole numbers
	 * and 文号), for the passage the result shows; absent when the answer adds nothing.
	 */
	answerTerms?: string[];
}

/** A piece of the exported index: strings and typed arrays, for IndexedDB's structured clone. */
export interface IndexChunk {
	key: string;
	data: string | Int32Array | Uint8Array;
}
