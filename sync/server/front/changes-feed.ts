// The _changes feed. A one-shot request is one PouchDB query. Waiting feeds (longpoll, continuous) share one
// live listener per database: on a write, one read of what changed serves every waiting request, each
// filtered in memory. express-pouchdb opened a PouchDB live feed per request, and each of them re-read the
// database on every write: with 200 listeners a write took 0.85 s (p50), and 600 are normal for a province.
import { matchesSelector } from 'pouchdb-selector-core';
import type { ChangesFilter, ChangesOptions } from './changes-request';

export interface ChangeRow {
	id: string;
	seq: number;
	changes: Array<{ rev: string }>;
	doc?: Record<string, unknown>;
	deleted?: boolean;
}

interface SharedRow {
	id: string;
	seq: number;
	leaves: Array<{ rev: string }>;
	doc: Record<string, unknown>;
	deleted: boolean;
}

export interface Waiter {
	since: number;
	options: ChangesOptions;
	/** Receives the rows for this waiter (never empty) and the sequence they reach. */
	deliver(rows: ChangeRow[], lastSeq: number): void;
}

type Db = PouchDB.Database;
const SHARED_READ_LIMIT = 1000;

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

/** Rows of the shared read after `since` that pass the waiter's filter, up to its limit. */
export function rowsFor(rows: readonly SharedRow[], since: number, options: ChangesOptions): ChangeRow[] {
	const picked: ChangeRow[] = [];
	for (const row of rows) {
		if (row.seq <= since) continue;
		if (!passes(options.filter, row.doc, row.id)) continue;
		picked.push(shapeRow(row, options));
		if (options.limit !== undefined && picked.length >= options.limit) break;
	}
	return picked;
}

class DatabaseWatch {
	readonly waiters = new Set<Waiter>();
	#listener: PouchDB.Core.Changes<object> | null = null;
	#reading = false;
	#again = false;

	constructor(
		private readonly db: Db,
		private readonly onIdle: () => void
	) {}

	add(waiter: Waiter): () => void {
		this.waiters.add(waiter);
		if (!this.#listener) {
			this.#listener = this.db.changes({ live: true, since: 'now', return_docs: false });
			this.#listener.on('change', () => this.schedule());
			// A closed or destroyed database ends its feeds; it must never become an unhandled 'error'.
			this.#listener.on('error', () => this.#stop());
		}
		// A write may have landed between the waiter's first query and now.
		this.schedule();
		return () => {
			this.waiters.delete(waiter);
			if (this.waiters.size === 0) this.#stop();
		};
	}

	schedule(): void {
		if (this.#reading) {
			this.#again = true;
			return;
		}
		this.#reading = true;
		setImmediate(() => void this.#read());
	}

	async #read(): Promise<void> {
		try {
			do {
				this.#again = false;
				if (this.waiters.size === 0) break;
				let since = Infinity;
				for (const waiter of this.waiters) since = Math.min(since, waiter.since);
				const result = await this.db.changes({
					since,
					limit: SHARED_READ_LIMIT,
					style: 'all_docs',
					include_docs: true,
					conflicts: true,
					return_docs: true
				});
				const rows: SharedRow[] = result.results.map((change) => ({
					id: change.id,
					seq: change.seq as number,
					leaves: change.changes,
					doc: change.doc as unknown as Record<string, unknown>,
					deleted: Boolean(change.deleted)
				}));
				const lastSeq = Number(result.last_seq);
				for (const waiter of [...this.waiters]) {
					const picked = rowsFor(rows, waiter.since, waiter.options);
					if (picked.length > 0) waiter.deliver(picked, picked.at(-1)!.seq);
					// Nothing for this waiter's filter: it goes on waiting from where the read stopped.
					else if (lastSeq > waiter.since) waiter.since = lastSeq;
				}
				if (rows.length >= SHARED_READ_LIMIT) this.#again = true;
			} while (this.#again);
		} catch (error) {
			console.error('changes feed read failed:', (error as Error).message);
		} finally {
			this.#reading = false;
		}
	}

	#stop(): void {
		this.#listener?.cancel();
		this.#listener = null;
		if (this.waiters.size === 0) this.onIdle();
	}
}

export class ChangesHub {
	readonly #watches = new Map<string, DatabaseWatch>();

	/** Registers a waiting request; returns the function that unregisters it. */
	wait(name: string, db: Db, waiter: Waiter): () => void {
		let watch = this.#watches.get(name);
		if (!watch) {
			watch = new DatabaseWatch(db, () => this.#watches.delete(name));
			this.#watches.set(name, watch);
		}
		return watch.add(waiter);
	}

	/** How many requests are waiting, for the benchmark and tests. */
	get waiting(): number {
		let count = 0;
		for (const watch of this.#watches.values()) count += watch.waiters.size;
		return count;
	}
}

/** A one-shot query: PouchDB applies the filter; the same options shape it. */
export async function queryChanges(db: Db, since: number, options: ChangesOptions) {
	const filter = options.filter;
	const result = await db.changes({
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
	return { results: result.results as unknown as ChangeRow[], last_seq: Number(result.last_seq) };
}
