// Every search an agent makes is logged once: when they open a result, or when the query has rested for a
// moment (an agent who reads the list and finds nothing). Logging never blocks typing.
export const SETTLE_MS = 1500;

export interface LoggedSearch {
	query: string;
	resultCount: number;
	openedEntryId?: string;
}

export class SearchLogger {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastLogged = '';

	constructor(private readonly write: (search: LoggedSearch) => void) {}

	/** The results for a query changed: log it if nothing else happens for a moment. */
	shown(query: string, resultCount: number): void {
		clearTimeout(this.#timer);
		if (!query.trim()) return;
		this.#timer = setTimeout(() => this.#log({ query, resultCount }), SETTLE_MS);
	}

	opened(query: string, resultCount: number, entryId: string): void {
		clearTimeout(this.#timer);
		if (query.trim()) this.#log({ query, resultCount, openedEntryId: entryId });
	}

	stop(): void {
		clearTimeout(this.#timer);
	}

	#log(search: LoggedSearch) {
		const key = `${search.query.trim()}|${search.openedEntryId ?? ''}`;
		if (key === this.#lastLogged) return;
		this.#lastLogged = key;
		this.write({ ...search, query: search.query.trim() });
	}
}
