// The search worker's logic, apart from the worker global so that it runs in Node tests too: one keeper per
// worker, requests answered in order, the index saved a while after the last change.
import type { SearchRequest, SearchResponse } from './search-protocol';
import { SearchIndexKeeper, type SearchIndexStorage } from './search-index-store';
import { fetchShippedIndex } from './shipped-index';
import { loadWordSegmenter, wordSegmenterReady } from './word-segmenter';

/** Wait this long after the last applied change before saving (an export of 10⁵ entries is not free). */
export const SAVE_DELAY_MS = 5_000;
/** Entries whose words are cut between two requests (about 80 µs each) once the segmenter has loaded. */
const WORDS_SLICE = 500;

export interface Scheduler {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const timers: Scheduler = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export function createSearchWorkerHandler(
	storage: SearchIndexStorage,
	scheduler: Scheduler = timers,
	fetchFrom: typeof fetch = (input, init) => fetch(input, init)
) {
	let keeper: SearchIndexKeeper | undefined;
	let saveTimer: unknown;
	let queue: Promise<unknown> = Promise.resolve();
	let wordsLoaded: Promise<boolean> = Promise.resolve(false);

	const opened = () => {
		if (!keeper) throw new Error('搜索索引尚未打开');
		return keeper;
	};

	const scheduleSave = () => {
		scheduler.clear(saveTimer);
		saveTimer = scheduler.set(() => void keeper?.save().catch(() => undefined), SAVE_DELAY_MS);
	};

	/** Requests are answered one at a time, in the order they came. */
	const enqueue = <T>(work: () => Promise<T> | T): Promise<T> => {
		const next = queue.then(work);
		queue = next.catch(() => undefined);
		return next;
	};

	/** Words for the entries indexed before the segmenter loaded, a slice at a time between requests. */
	const addMissingWords = () =>
		void enqueue(() => {
			const { filled, done } = keeper?.addMissingWords(WORDS_SLICE) ?? { filled: 0, done: true };
			if (filled) scheduleSave();
			if (!done) scheduler.set(addMissingWords, 0);
		});

	async function answer(request: SearchRequest): Promise<SearchResponse> {
		try {
			switch (request.type) {
				case 'open': {
					keeper = new SearchIndexKeeper(request.name, storage, request.indexEntries);
					const restored = await keeper.open();
					// Queries are answered from here on; the words join the ranking when the segmenter has loaded
					// (in the browser: fetched, compiled and its dictionary built, about 0.6 s on a 2-core PC).
					const words = wordSegmenterReady();
					wordsLoaded = loadWordSegmenter(request.wordsUrl);
					void wordsLoaded.then((loaded) => loaded && addMissingWords());
					return {
						id: request.id,
						type: 'result',
						value: {
							restored,
							sequence: keeper.sequence,
							entries: keeper.engine.size,
							words,
							shippedPending: keeper.shippedPending,
							answers: !keeper.engine.answersPending
						}
					};
				}
				case 'search':
					return {
						id: request.id,
						type: 'result',
						value: opened().engine.search(request.query, request.options)
					};
				case 'apply': {
					const current = opened();
					const changed = current.apply(request.changes, request.sequence);
					scheduleSave();
					return {
						id: request.id,
						type: 'result',
						value: {
							sequence: current.sequence,
							entries: current.engine.size,
							changed,
							needsRebuild: current.needsRebuild
						}
					};
				}
				case 'save':
					scheduler.clear(saveTimer);
					await opened().save();
					return { id: request.id, type: 'result', value: null };
				case 'reset':
					scheduler.clear(saveTimer);
					await opened().reset();
					return { id: request.id, type: 'result', value: null };
				case 'seed': {
					const current = opened();
					// Fetched here, not in the page: 50–120 MB never cross the page's thread.
					const shipped = await fetchShippedIndex(request.databaseUrl, request.source, fetchFrom);
					const seeded = shipped !== null && current.seed(shipped);
					if (seeded) scheduleSave();
					return {
						id: request.id,
						type: 'result',
						value: { seeded, entries: current.engine.size, builtAt: shipped?.builtAt }
					};
				}
				case 'settle': {
					const current = opened();
					const removed = current.settleShipped();
					if (removed) scheduleSave();
					return { id: request.id, type: 'result', value: { entries: current.engine.size, removed } };
				}
				case 'words':
					return { id: request.id, type: 'result', value: await wordsLoaded };
				case 'answers':
					return { id: request.id, type: 'result', value: await opened().answersAttached() };
			}
		} catch (error) {
			return {
				id: request.id,
				type: 'error',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	return (request: SearchRequest): Promise<SearchResponse> =>
		// Waiting for the words or the answers must not hold up the queries behind it.
		request.type === 'words' || request.type === 'answers' ? answer(request) : enqueue(() => answer(request));
}
