// The page's handle on the search worker: typed requests as promises, and the index's state (starting,
// indexing N entries, ready, failed) as a Svelte-compatible store (`$client` in a component).
import type { SearchHit, SearchOptions } from './search-types';
import type { ChangeSequence, IndexChange } from './search-index-store';
import type {
	AppliedChanges,
	OpenedIndex,
	SearchRequest,
	SearchResponse,
	SearchResults,
	SeededIndex
} from './search-protocol';
import { WORD_SEGMENTER_URL } from './word-segmenter-url';

export interface SearchIndexState {
	phase: 'starting' | 'indexing' | 'ready' | 'failed';
	/** Entries in the index. */
	entries: number;
	/** Changes-feed sequence the index reflects. */
	sequence: ChangeSequence;
	/** The index came from storage rather than being built in this session. */
	restored: boolean;
	/** Dictionary words rank the results (`ready`); until then, or without them, characters alone. */
	words: 'loading' | 'ready' | 'unavailable';
	/**
	 * The answers' full text is searched (`ready`); a restored index reads it after the rest (`loading`, about
	 * half a second at 10⁵ entries), and one that could not read it is rebuilt (`unavailable` until then).
	 */
	answers: 'loading' | 'ready' | 'unavailable';
	/**
	 * It began as the server's ready-made index and the local copy is not complete yet: some results may not
	 * be in this browser yet (they are read from the server).
	 */
	shippedPending: boolean;
	/** This session's index began as the one the server ships (not built here, not restored). */
	fromServer: boolean;
	error?: string;
}

/** The part of a Worker the client uses (a fake in tests). */
export interface SearchWorkerPort {
	postMessage(message: SearchRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<SearchResponse>) => void): void;
	terminate(): void;
}

export function createSearchWorker(): SearchWorkerPort {
	return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
}

type RequestBody = SearchRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class SearchClient {
	#worker: SearchWorkerPort;
	#nextId = 1;
	#closed = false;
	#pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	#listeners = new Set<(state: SearchIndexState) => void>();
	#state: SearchIndexState = {
		phase: 'starting',
		entries: 0,
		sequence: 0,
		restored: false,
		words: 'loading',
		answers: 'ready',
		shippedPending: false,
		fromServer: false
	};
	#answersAttached: Promise<boolean> = Promise.resolve(true);

	constructor(createWorker: () => SearchWorkerPort = createSearchWorker) {
		this.#worker = createWorker();
		this.#worker.addEventListener('message', (event) => this.#receive(event.data));
	}

	get state(): SearchIndexState {
		return this.#state;
	}

	/** Svelte store contract: called at once and on every change; returns the unsubscribe function. */
	subscribe(listener: (state: SearchIndexState) => void): () => void {
		this.#listeners.add(listener);
		listener(this.#state);
		return () => this.#listeners.delete(listener);
	}

	/** @param indexEntries an editor's browser, which holds entries and not their publications */
	async open(name: string, indexEntries = false): Promise<OpenedIndex> {
		try {
			// The segmenter's WebAssembly from the page's bundle: the copy the service worker keeps for offline.
			const opened = await this.#request<'open'>({
				type: 'open',
				name,
				wordsUrl: WORD_SEGMENTER_URL,
				indexEntries
			});
			this.#update({
				phase: 'indexing',
				entries: opened.entries,
				sequence: opened.sequence,
				restored: opened.restored,
				words: opened.words ? 'ready' : 'loading',
				answers: opened.answers ? 'ready' : 'loading',
				shippedPending: opened.shippedPending
			});
			if (!opened.answers) {
				this.#answersAttached = this.#request<'answers'>({ type: 'answers' }).then(
					(attached) => {
						this.#update({ answers: attached ? 'ready' : 'unavailable' });
						return attached;
					},
					() => true // the worker closed: nothing to rebuild
				);
			}
			// Results come at once; the words join the ranking when the segmenter has loaded.
			if (!opened.words) {
				void this.#request<'words'>({ type: 'words' }).then(
					(loaded) => this.#update({ words: loaded ? 'ready' : 'unavailable' }),
					() => undefined
				);
			}
			return opened;
		} catch (error) {
			this.#fail(error);
			throw error;
		}
	}

	/** Settles when the answers' index is in (true) or could not be read (false: reset and catch up again). */
	answersAttached(): Promise<boolean> {
		return this.#answersAttached;
	}

	search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
		return this.#request<'search'>({ type: 'search', query, options });
	}

	async applyChanges(changes: IndexChange[], sequence: ChangeSequence): Promise<AppliedChanges> {
		const applied = await this.#request<'apply'>({ type: 'apply', changes, sequence });
		this.#update({ entries: applied.entries, sequence: applied.sequence });
		return applied;
	}

	/** Starts from the index the server ships, when this one is empty; see SearchIndexKeeper.seed. */
	async seed(databaseUrl: string, source: string): Promise<SeededIndex> {
		const seeded = await this.#request<'seed'>({ type: 'seed', databaseUrl, source });
		if (seeded.seeded) this.#update({ entries: seeded.entries, shippedPending: true, fromServer: true });
		return seeded;
	}

	/** The local copy is complete: see SearchIndexKeeper.settleShipped. */
	async settle(): Promise<number> {
		const settled = await this.#request<'settle'>({ type: 'settle' });
		this.#update({ entries: settled.entries, shippedPending: false });
		return settled.removed;
	}

	/** The index has caught up with the local database. */
	markReady(): void {
		this.#update({ phase: 'ready', error: undefined });
	}

	/** A catch-up begins; an index the server shipped keeps answering meanwhile (it holds every entry). */
	markIndexing(): void {
		if (this.#state.phase === 'ready' && !this.#state.shippedPending) this.#update({ phase: 'indexing' });
	}

	save(): Promise<null> {
		return this.#request<'save'>({ type: 'save' });
	}

	async reset(): Promise<void> {
		await this.#request<'reset'>({ type: 'reset' });
		this.#update({
			phase: 'indexing',
			entries: 0,
			sequence: 0,
			restored: false,
			answers: 'ready',
			shippedPending: false,
			fromServer: false
		});
	}

	close(): void {
		this.#closed = true;
		this.#worker.terminate();
		for (const { reject } of this.#pending.values()) reject(new Error('搜索已关闭'));
		this.#pending.clear();
	}

	#fail(error: unknown): void {
		this.#update({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
	}

	#request<T extends keyof SearchResults>(body: RequestBody & { type: T }): Promise<SearchResults[T]> {
		if (this.#closed) return Promise.reject(new Error('搜索已关闭'));
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.#worker.postMessage({ ...body, id } as SearchRequest);
		});
	}

	#receive(response: SearchResponse): void {
		const pending = this.#pending.get(response.id);
		if (!pending) return;
		this.#pending.delete(response.id);
		if (response.type === 'result') pending.resolve(response.value);
		else pending.reject(new Error(response.message));
	}

	#update(change: Partial<SearchIndexState>): void {
		this.#state = { ...this.#state, ...change };
		for (const listener of this.#listeners) listener(this.#state);
	}
}
