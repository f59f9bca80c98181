// The _changes feed. A one-shot request is one PouchDB query. Waiting feeds (longpoll, continuous) are served
// by one watch per database: a look at its sequence every POLL_MS, one read of what changed (at most every
// READ_INTERVAL_MS), and a buffer of the recent changes. A request that comes back for more (every browser,
// after every change) is answered from the buffer or waits, without a query of its own; each is filtered in
// memory.
// express-pouchdb opened a PouchDB live feed per request, each re-reading the database on every write (200
// listeners: write p50 0.85 s); a first version of this watch still queried once per returning request,
// which at 600 feeds and 50 writes/s was 1 600–1 900 LevelDB reads a second and left writes waiting 15 s.
import { matchesSelector } from 'pouchdb-selector-core';
import type { ChangesFilter, ChangesOptions } from './changes-request';

export interface ChangeRow {
	id: string;
	seq: number;
	changes: Array<{ rev: string }>;
	doc?: Record<string, unknown>;
	deleted?: boolean;
}

export interface SharedRow {
	id: string;
	seq: number;
	leaves: Array<{ rev: string }>;
	doc: Record<string, unknown>;
	deleted: boolean;
	bytes: number;
}

export interface Waiter {
	since: number;
	options: ChangesOptions;
	/** Receives the rows for this waiter (never empty) and the sequence they reach. */
	deliver(rows: ChangeRow[], lastSeq: number): void;
}

type Db = PouchDB.Database;
const SHARED_READ_LIMIT = 1000;
/**
 * At most one read per database this often: each waiting browser is answered at most 4 times a second and
 * comes back once per answer. At 25 ms, 600 feeds and 50 writes/s made 5 000 answers a second, the server
 * saturated a core and search logs queued for 10 s; at 250 ms, 2 000 a second, deliveries p99 0.26 s.
 */
const READ_INTERVAL_MS = 250;
/**
 * How often a watch looks at its database's sequence (db.info(): 3 µs, held in memory). PouchDB's live
 * listener re-read every change after each write to say "something changed": on a burst of 10 000 calls
 * into qa that was a third of the LevelDB reads, slowing the reports views' catch-up beside it.
 */
const POLL_MS = 100;
/** Waiting requests answered before other requests get a turn. */
const SERVE_SLICE = 40;
/** Recent changes kept per database: enough for every browser coming back between two writes. */
const BUFFER_ROWS = 2000;
const BUFFER_BYTES = 16 * 1024 * 1024;
/** A watch nobody waits on is kept this long, so that browsers coming back find their changes buffered. */
const IDLE_MS = 60_000;

function passes(filter: ChangesFilter, doc: Record<string, unknown>, id: string): boolean {
	switch (filter.kind) {
		case 'none':
			return true;
		case 'docIds':
			return filter.ids.has(id);
		case 'selector':
			return matchesSelector(doc, filter.selector);
		case 'function':
			try {
				return Boolean(filter.fn(doc, { query: filter.query }));
			} catch {
				// CouchDB skips a document its filter throws on.
				return false;
			}
	}
}

/** One shared row as one request asked for it. */
function shapeRow(row: SharedRow, options: ChangesOptions): ChangeRow {
	const shaped: ChangeRow = {
		id: row.id,
		seq: row.seq,
		changes: options.allLeaves ? row.leaves : [{ rev: row.doc._rev as string }]
	};
	if (row.deleted) shaped.deleted = true;
	if (options.includeDocs) {
		const doc = { ...row.doc };
		if (!options.conflicts) delete doc._conflicts;
		shaped.doc = doc;
	}
	return shaped;
}

/** Index of the first row after `since` (rows are in sequence order). */
function firstAfter(rows: readonly SharedRow[], since: number): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (rows[middle]!.seq <= since) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Rows after `since` that pass the request's filter, up to its limit. */
export function rowsFor(rows: readonly SharedRow[], since: number, options: ChangesOptions): ChangeRow[] {
	const picked: ChangeRow[] = [];
	for (let index = firstAfter(rows, since); index < rows.length; index++) {
		const row = rows[index]!;
		if (!passes(options.filter, row.doc, row.id)) continue;
		picked.push(shapeRow(row, options));
		if (options.limit !== undefined && picked.length >= options.limit) break;
	}
	return picked;
}

export class DatabaseWatch {
	readonly waiters = new Set<Waiter>();
	#buffer: SharedRow[] = [];
	#bufferBytes = 0;
	/** Every change after this sequence, up to readSeq, is in the buffer. */
	#coveredFrom: number;
	#readSeq: number;
	#poll: NodeJS.Timeout;
	#reading = false;
	#again = false;
	#timer: NodeJS.Timeout | null = null;
	#lastReadAt = 0;
	#idleTimer: NodeJS.Timeout | null = null;
	#stopped = false;

	constructor(
		private readonly db: Db,
		startSeq: number,
		private readonly onStop: (watch: DatabaseWatch) => void
	) {
		this.#coveredFrom = startSeq;
		this.#readSeq = startSeq;
		this.#poll = setInterval(() => this.#look(), POLL_MS);
		// Anything written between the sequence taken and the first look is read now.
		this.schedule();
		this.#idleTimer = setTimeout(() => this.stop(), IDLE_MS);
	}

	get readSeq(): number {
		return this.#readSeq;
	}

	/** Whether the buffer holds every change after `since` that the watch has read. */
	covers(since: number): boolean {
		return since >= this.#coveredFrom;
	}

	rowsAfter(since: number, options: ChangesOptions): ChangeRow[] {
		return rowsFor(this.#buffer, since, options);
	}

	/** Registers a waiting request; returns the function that unregisters it (safe to call twice). */
	add(waiter: Waiter): () => void {
		this.waiters.add(waiter);
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
		if (waiter.since < this.#readSeq) this.schedule();
		return () => {
			if (!this.waiters.delete(waiter) || this.waiters.size > 0 || this.#stopped) return;
			this.#idleTimer = setTimeout(() => this.stop(), IDLE_MS);
		};
	}

	#look(): void {
		if (this.#reading || this.#timer) return;
		this.db.info().then(
			(info) => {
				if (Number(info.update_seq) > this.#readSeq) this.schedule();
			},
			// A closed or destroyed database ends its feeds.
			() => this.stop()
		);
	}

	schedule(): void {
		if (this.#stopped) return;
		if (this.#reading) {
			this.#again = true;
			return;
		}
		if (this.#timer) return;
		const wait = Math.max(0, this.#lastReadAt + READ_INTERVAL_MS - Date.now());
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.#read();
		}, wait);
	}

	async #read(): Promise<void> {
		this.#reading = true;
		this.#again = false;
		this.#lastReadAt = Date.now();
		try {
			const result = await this.db.changes({
				since: this.#readSeq,
				limit: SHARED_READ_LIMIT,
				style: 'all_docs',
				include_docs: true,
				conflicts: true,
				return_docs: true
			});
			for (const change of result.results) {
				const doc = change.doc as unknown as Record<string, unknown>;
				this.#append({
					id: change.id,
					seq: change.seq as number,
					leaves: change.changes,
					doc,
					deleted: Boolean(change.deleted),
					bytes: JSON.stringify(doc).length
				});
			}
			const lastSeq = Number(result.last_seq);
			if (lastSeq > this.#readSeq) this.#readSeq = lastSeq;
			await this.#serveWaiters();
			if (result.results.length >= SHARED_READ_LIMIT) this.#again = true;
		} catch (error) {
			console.error('changes feed read failed:', (error as Error).message);
		} finally {
			this.#reading = false;
		}
		// Changes that came in meanwhile wait for the next turn, READ_INTERVAL_MS after this one began.
		if (this.#again) this.schedule();
	}

	#append(row: SharedRow): void {
		this.#buffer.push(row);
		this.#bufferBytes += row.bytes;
		while (
			this.#buffer.length > BUFFER_ROWS ||
			(this.#bufferBytes > BUFFER_BYTES && this.#buffer.length > 1)
		) {
			const oldest = this.#buffer.shift()!;
			this.#bufferBytes -= oldest.bytes;
			this.#coveredFrom = oldest.seq;
		}
	}

	async #serveWaiters(): Promise<void> {
		let served = 0;
		for (const waiter of [...this.waiters]) {
			// Hundreds of answers at once would hold writes back: let other requests in between every few dozen.
			if (++served % SERVE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
			if (!this.waiters.has(waiter)) continue;
			// A waiter left behind the buffer (a burst of writes bigger than it) is served by a query of its own.
			const picked = this.covers(waiter.since)
				? rowsFor(this.#buffer, waiter.since, waiter.options)
				: (await queryChanges(this.db, waiter.since, waiter.options)).results;
			if (picked.length > 0) waiter.deliver(picked, picked.at(-1)!.seq);
			// Nothing for this waiter's filter: it goes on waiting from where the read stopped.
			else if (this.#readSeq > waiter.since) waiter.since = this.#readSeq;
		}
	}

	stop(): void {
		if (this.#stopped) return;
		this.#stopped = true;
		clearInterval(this.#poll);
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#buffer = [];
		this.onStop(this);
	}
}

export class ChangesHub {
	readonly #watches = new Map<string, Promise<DatabaseWatch>>();

	/** The database's watch, started on first use with the database's current sequence. */
	watch(name: string, db: Db): Promise<DatabaseWatch> {
		let pending = this.#watches.get(name);
		if (!pending) {
			pending = db.info().then((info) => {
				const watch = new DatabaseWatch(db, Number(info.update_seq), (stopped) => {
					// Only its own entry: a newer watch for the same database may have replaced it.
					void this.#watches.get(name)?.then((current) => {
						if (current === stopped) this.#watches.delete(name);
					});
				});
				return watch;
			});
			this.#watches.set(name, pending);
			pending.catch(() => this.#watches.delete(name));
		}
		return pending;
	}

	/** Stops the database's watch (it was deleted; a new one under its name starts from its own sequence). */
	forget(name: string): void {
		void this.#watches.get(name)?.then(
			(watch) => watch.stop(),
			() => undefined
		);
	}

	/** Stops every watch (the server is closing). */
	async stopAll(): Promise<void> {
		const watches = await Promise.allSettled([...this.#watches.values()]);
		for (const settled of watches) if (settled.status === 'fulfilled') settled.value.stop();
		this.#watches.clear();
	}
}

/**
 * A one-shot query: PouchDB applies the filter; the same options shape it. `onGone` is handed a way to stop
 * the read when nobody waits for it any more: a filtered read scans every change after `since`, and a
 * browser that reloads mid-scan would otherwise leave it running (a supervisor's qa pull after a day's
 * calls is hundreds of thousands of documents read for a handful that pass).
 */
export async function queryChanges(
	db: Db,
	since: number,
	options: ChangesOptions,
	onGone?: (stop: () => void) => void
) {
	const filter = options.filter;
	const feed = db.changes({
		since,
		limit: options.limit,
		style: options.allLeaves ? 'all_docs' : 'main_only',
		include_docs: options.includeDocs,
		conflicts: options.conflicts,
		attachments: options.attachments,
		descending: options.descending,
		return_docs: true,
		...(filter.kind === 'docIds' ? { doc_ids: [...filter.ids] } : {}),
		...(filter.kind === 'selector' ? { selector: filter.selector } : {}),
		...(filter.kind === 'function'
			? {
					filter: (doc: object) =>
						passes(filter, doc as Record<string, unknown>, (doc as { _id: string })._id),
					query_params: filter.query
				}
			: {})
	} as PouchDB.Core.ChangesOptions);
	onGone?.(() => feed.cancel());
	const result = await feed;
	return { results: (result.results ?? []) as unknown as ChangeRow[], last_seq: Number(result.last_seq) };
}
