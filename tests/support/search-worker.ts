// The search worker's handler run in-process behind the Worker interface SearchClient expects, with the
// structured cloning a real worker's messages go through.
import type { SearchWorkerPort } from '../../src/lib/search/search-client';
import type { SearchIndexStorage } from '../../src/lib/search/search-index-store';
import type { SearchRequest, SearchResponse } from '../../src/lib/search/search-protocol';
import { createSearchWorkerHandler, type Scheduler } from '../../src/lib/search/search-worker-handler';

export function inProcessWorker(storage: SearchIndexStorage, scheduler?: Scheduler): SearchWorkerPort {
	const handle = createSearchWorkerHandler(storage, scheduler);
	let listener: ((event: MessageEvent<SearchResponse>) => void) | undefined;
	return {
		postMessage(message: SearchRequest) {
			void handle(structuredClone(message)).then((response) =>
				listener?.({ data: structuredClone(response) } as MessageEvent<SearchResponse>)
			);
		},
		addEventListener(_type, callback) {
			listener = callback;
		},
		terminate() {
			listener = undefined;
		}
	};
}
