// Lets screens refresh when local data changes (a local save or a replicated document), debounced so a
// sync batch of hundreds of documents triggers one refresh. One live feed per database serves every
// screen: each feed re-reads every written document, which nearly doubled the cost of a bulk write with two.
import { KNOWLEDGE_DB } from './catalog';
import { openLocalDatabase } from './local-databases';

interface FeedHub {
	listeners: Set<() => void>;
	feed: PouchDB.Core.Changes<object> | null;
	suspensions: number;
}

const hubs = new Map<string, FeedHub>();

function hubFor(userName: string, database: string): FeedHub {
	const key = `${userName}\u0000${database}`;
	let hub = hubs.get(key);
	if (!hub) {
		hub = { listeners: new Set(), feed: null, suspensions: 0 };
		hubs.set(key, hub);
	}
	return hub;
}

function startFeed(hub: FeedHub, userName: string, database: string) {
	if (hub.feed || hub.suspensions > 0 || hub.listeners.size === 0) return;
	hub.feed = openLocalDatabase(userName, database)
		.changes({ since: 'now', live: true })
		.on('change', (change) => {
			if (change.id.startsWith('_')) return;
			for (const listener of hub.listeners) listener();
		});
}

function stopFeed(hub: FeedHub) {
	hub.feed?.cancel();
	hub.feed = null;
}

export function watchLocalDatabase(
	userName: string,
	database: string,
	onChange: () => void,
	debounceMs = 300
) {
	const hub = hubFor(userName, database);
	let timer: ReturnType<typeof setTimeout> | undefined;
	const listener = () => {
		clearTimeout(timer);
		timer = setTimeout(onChange, debounceMs);
	};
	hub.listeners.add(listener);
	startFeed(hub, userName, database);
	return () => {
		clearTimeout(timer);
		hub.listeners.delete(listener);
		if (hub.listeners.size === 0) stopFeed(hub);
	};
}

/**
 * Stops following a database during a bulk write (the first copy of 10⁵ documents): screens are told once
 * when the returned function resumes, instead of re-reading every page as it lands.
 */
export function suspendLiveChanges(userName: string, database: string): () => void {
	const hub = hubFor(userName, database);
	hub.suspensions++;
	stopFeed(hub);
	let resumed = false;
	return () => {
		if (resumed) return;
		resumed = true;
		hub.suspensions--;
		startFeed(hub, userName, database);
		if (hub.suspensions === 0) for (const listener of hub.listeners) listener();
	};
}

export function knowledgeChanges(userName: string, onChange: () => void) {
	return watchLocalDatabase(userName, KNOWLEDGE_DB, onChange);
}

/** A page a first copy wrote: every local change from `fromSequence` (exclusive) to `toSequence` is in `docs`. */
export interface CopiedPage {
	docs: ReadonlyArray<{ _id: string }>;
	fromSequence: number;
	toSequence: number;
}

const pageListeners = new Map<string, Set<(page: CopiedPage) => void>>();

/**
 * Hands each page of a first copy to `onPage` as it is written (the search index builds while the copy
 * runs, from the page in memory, instead of reading 10⁵ documents back once it ends).
 */
export function watchCopiedPages(userName: string, database: string, onPage: (page: CopiedPage) => void) {
	const key = `${userName}\u0000${database}`;
	const listeners = pageListeners.get(key) ?? new Set();
	pageListeners.set(key, listeners);
	listeners.add(onPage);
	return () => listeners.delete(onPage);
}

export function announceCopiedPage(userName: string, database: string, page: CopiedPage): void {
	for (const listener of pageListeners.get(`${userName}\u0000${database}`) ?? []) listener(page);
}
