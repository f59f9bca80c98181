// Reduced reads of the repository's views with built-in reducers, answered from AggregateIndex: built on the
// first read of any view of their design document, all of the design's together as CouchDB builds a design's
// views into one index, and brought up to date on every read (CouchDB's default, stale=false).
// Reads this does not answer (reduce=false, keys, include_docs, a custom reducer) go on to PouchDB.
import type { Request } from 'express';
import {
	AggregateIndex,
	isBuiltInReducer,
	type Aggregate,
	type AggregateQuery,
	type BuiltInReducer
} from './aggregate-index';
import { rangeParameters } from './range-parameters';
import type { ChangesReader } from './shared-changes';

const BATCH = 5000;

type ViewCode = { map: string; reduce?: string };

interface IndexState {
	index: AggregateIndex;
	since: number | string;
	mapSource: string;
}

const ANSWERED_PARAMETERS = new Set([
	'reduce',
	'group',
	'group_level',
	'startkey',
	'start_key',
	'endkey',
	'end_key',
	'key',
	'inclusive_end',
	'descending',
	'limit',
	'skip',
	'update_seq'
]);

/** The query, when the index can answer it; null to leave the read to PouchDB. */
export function aggregateQuery(req: Request): AggregateQuery | null {
	if (req.method !== 'GET') return null;
	const params = req.query as Record<string, unknown>;
	for (const name of Object.keys(params)) if (!ANSWERED_PARAMETERS.has(name)) return null;
	if (params.reduce === 'false') return null;
	const groupLevel = params.group_level !== undefined ? Number(params.group_level) : undefined;
	if (groupLevel !== undefined && !(Number.isInteger(groupLevel) && groupLevel >= 0)) return null;
	const range = rangeParameters(params);
	return range ? { ...range, group: params.group === 'true' ? 'exact' : groupLevel } : null;
}

export class AggregateViews {
	readonly #states = new Map<string, IndexState>();
	readonly #running = new Map<string, Promise<void>>();
	readonly #readChanges: ChangesReader;

	constructor(readChanges: ChangesReader) {
		this.#readChanges = readChanges;
	}

	/**
	 * The rows for a reduced read of `view` ("ddoc/view") of the database, or null if not ours to answer.
	 * `designViews` are the database's views by "ddoc/view": the first read of one starts its design's others
	 * too, so a report's six views are built in one pass over the database, not six.
	 */
	async read(
		database: string,
		view: string,
		code: ViewCode,
		query: AggregateQuery,
		designViews: ReadonlyMap<string, ViewCode> = new Map()
	): Promise<Array<{ key: unknown; value: Aggregate }> | null> {
		if (!isBuiltInReducer(code.reduce)) return null;
		const current = this.#stateOf(database, view, code.map, code.reduce);
		const design = `${view.split('/')[0]}/`;
		if (current.since === 0)
			for (const [sibling, siblingCode] of designViews)
				if (sibling.startsWith(design) && sibling !== view && isBuiltInReducer(siblingCode.reduce))
					this.#stateOf(database, sibling, siblingCode.map, siblingCode.reduce);
		// One catch-up at a time a database, so the views at the same point move together over one read of its
		// changes. A failed catch-up (a database being deleted) is reported to its read; the next one tries again.
		const running = (this.#running.get(database) ?? Promise.resolve())
			.catch(() => {})
			.then(() => this.#catchUp(database, current));
		this.#running.set(database, running);
		await running;
		return current.index.query(query);
	}

	/** The view's index, made afresh (not yet built) when it has none or its map function changed. */
	#stateOf(database: string, view: string, map: string, reducer: BuiltInReducer): IndexState {
		const name = `${database}\u0000${view}`;
		const state = this.#states.get(name);
		if (state && state.mapSource === map) return state;
		const fresh = { index: new AggregateIndex(map, reducer), since: 0, mapSource: map };
		this.#states.set(name, fresh);
		return fresh;
	}

	/** Forgets a database's indexes (it was deleted). */
	forget(database: string): void {
		for (const name of [...this.#states.keys()])
			if (name.startsWith(`${database}\u0000`)) this.#states.delete(name);
		this.#running.delete(database);
	}

	/**
	 * Brings the view up to date, and with it every view of the database at the same point: after 10 000 new
	 * documents a report's six views cost one pass over them, not six. A view read for the first time starts
	 * alone from the beginning and moves with the others once it has caught up.
	 */
	async #catchUp(database: string, state: IndexState): Promise<void> {
		for (;;) {
			const together = [...this.#states]
				.filter(([name, other]) => name.startsWith(`${database}\u0000`) && other.since === state.since)
				.map(([, other]) => other);
			const changes = await this.#readChanges(database, state.since, BATCH);
			for (const change of changes.results) {
				const doc = change.deleted ? null : (change.doc as unknown as Record<string, unknown>);
				for (const view of together) view.index.update(change.id, doc);
			}
			for (const view of together) view.since = changes.last_seq;
			if (changes.results.length < BATCH) return;
		}
	}
}
