// Map-only reads of the repository's sampling views (design document `sampling`; also `reports`' typical cases
// and `calibration`'s to-do list of the fan-in, polled every few seconds), answered from MapIndex:
// every such view of a database is built in one pass over its changes, started by the first request to the
// database (so a restarted server has them ready by the time a supervisor presses 抽取), and brought up to
// date on every read (CouchDB's default, stale=false). Memory is the price: about 300 bytes a call, 20 MB for
// a province's week, so only these designs are kept here; every other read goes on to PouchDB. Apache
// CouchDB needs none of this.
import type { Request } from 'express';
import type { RepositoryDesign } from '../design-code';
import { MapIndex, type RangeQuery } from './map-index';
import { rangeParameters } from './range-parameters';
import type { ChangesReader } from './shared-changes';

const BATCH = 5000;
export const IN_MEMORY_DESIGNS = new Set(['sampling', 'calibration', 'reports']);

const ANSWERED_PARAMETERS = new Set([
	'reduce',
	'startkey',
	'start_key',
	'endkey',
	'end_key',
	'key',
	'inclusive_end',
	'descending',
	'limit',
	'skip'
]);

/** The query, when the index can answer it; null to leave the read to PouchDB. */
export function rangeQuery(req: Request): RangeQuery | null {
	if (req.method !== 'GET') return null;
	const params = req.query as Record<string, unknown>;
	for (const name of Object.keys(params)) if (!ANSWERED_PARAMETERS.has(name)) return null;
	return rangeParameters(params);
}

interface DatabaseState {
	indexes: Map<string, MapIndex>;
	since: number | string;
	running: Promise<void>;
}

export class MemoryViews {
	readonly #states = new Map<string, DatabaseState>();
	/** Databases with no in-memory views: warm() runs on every request and should cost nothing for them. */
	readonly #without = new Set<string>();
	readonly #readChanges: ChangesReader;
	readonly #repository: RepositoryDesign;

	constructor(readChanges: ChangesReader, repository: RepositoryDesign) {
		this.#readChanges = readChanges;
		this.#repository = repository;
	}

	/** The database's in-memory views, by "ddoc/view" (none for most databases). */
	#viewsOf(database: string): Map<string, string> {
		const views = new Map<string, string>();
		for (const [name, code] of this.#repository.forDatabase(database)?.views ?? [])
			if (!code.reduce && IN_MEMORY_DESIGNS.has(name.split('/')[0]!)) views.set(name, code.map);
		return views;
	}

	#stateOf(database: string): DatabaseState | null {
		let state = this.#states.get(database);
		if (state) return state;
		if (this.#without.has(database)) return null;
		const views = this.#viewsOf(database);
		if (views.size === 0) {
			this.#without.add(database);
			return null;
		}
		state = {
			indexes: new Map([...views].map(([name, map]) => [name, new MapIndex(map)])),
			since: 0,
			running: Promise.resolve()
		};
		this.#states.set(database, state);
		return state;
	}

	#catchUpNow(database: string, state: DatabaseState): Promise<void> {
		// A failed catch-up (a database being deleted) is reported to its read, and the next one tries again.
		state.running = state.running.catch(() => {}).then(() => this.#catchUp(database, state));
		return state.running;
	}

	/** Starts building the database's in-memory views, if it has any and they were never built. */
	warm(database: string): void {
		if (this.#states.has(database) || this.#without.has(database)) return;
		const state = this.#stateOf(database);
		if (state) this.#catchUpNow(database, state).catch(() => this.#states.delete(database));
	}

	/** The rows of a map-only read of `view` ("ddoc/view"), or null if not ours to answer. */
	async read(
		database: string,
		view: string,
		query: RangeQuery
	): Promise<{ total_rows: number; rows: Array<{ id: string; key: unknown; value: unknown }> } | null> {
		const state = this.#stateOf(database);
		const index = state?.indexes.get(view);
		if (!state || !index) return null;
		await this.#catchUpNow(database, state);
		return { total_rows: index.rowCount, rows: index.query(query) };
	}

	/** Forgets a database's indexes (it was deleted). */
	forget(database: string): void {
		this.#states.delete(database);
		this.#without.delete(database);
	}

	async #catchUp(database: string, state: DatabaseState): Promise<void> {
		for (;;) {
			const changes = await this.#readChanges(database, state.since, BATCH);
			const batch = changes.results.map((change) => ({
				id: change.id,
				doc: change.deleted ? null : (change.doc as unknown as Record<string, unknown>)
			}));
			for (const index of state.indexes.values()) index.update(batch);
			state.since = changes.last_seq;
			if (changes.results.length < BATCH) return;
		}
	}
}
