// The search worker's logic, apart from the worker global so that it runs in Node tests too: one keeper per
// worker, requests answered in order, the index saved a while after the last change.
import type { SearchRequest, SearchResponse } from './search-protocol';
import { SearchIndexKeeper, type SearchIndexStorage } from './search-index-store';
import { loadWordSegmenter } from './word-segmenter';

/** Wait this long after the last applied change before saving (an export of 10⁵ entries is not free). */
export const SAVE_DELAY_MS = 5_000;

export interface Scheduler {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const timers: Scheduler = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export function createSearchWorkerHandler(storage: SearchIndexStorage, scheduler: Scheduler = timers) {
	let keeper: SearchIndexKeeper | undefined;
	let saveTimer: unknown;
	let queue: Promise<unknown> = Promise.resolve();

	const opened = () => {
		if (!keeper) throw new Error('搜索索引尚未打开');
		return keeper;
	};

	const scheduleSave = () => {
		scheduler.clear(saveTimer);
		saveTimer = scheduler.set(() => void keeper?.save().catch(() => undefined), SAVE_DELAY_MS);
	};

	async function answer(request: SearchRequest): Promise<SearchResponse> {
		try {
			switch (request.type) {
				case 'open': {
					keeper = new SearchIndexKeeper(request.name, storage);
					// The words for the ranking load while the index is read (in the browser: fetch and compile).
					const [restored, words] = await Promise.all([keeper.open(), loadWordSegmenter(request.wordsUrl)]);
					return {
						id: request.id,
						type: 'result',
						value: { restored, sequence: keeper.sequence, entries: keeper.engine.size, words }
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
			}
		} catch (error) {
			return {
				id: request.id,
				type: 'error',
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	/** Requests are answered one at a time, in the order they came. */
	return (request: SearchRequest): Promise<SearchResponse> => {
		const next = queue.then(() => answer(request));
		queue = next.catch(() => undefined);
		return next;
	};
}
