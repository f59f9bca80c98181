// The search worker: owns the index so that indexing and searching never block the page.
//   new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })
/// <reference lib="webworker" />
import { IndexedDbSearchIndexStorage } from './search-index-store';
import type { SearchRequest } from './search-protocol';
import { createSearchWorkerHandler } from './search-worker-handler';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSearchWorkerHandler(new IndexedDbSearchIndexStorage(scope.indexedDB));

scope.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
	void handle(event.data).then((response) => scope.postMessage(response));
});
