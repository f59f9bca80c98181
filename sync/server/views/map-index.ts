// A map-only view kept in memory, sorted as CouchDB sorts view rows (by key in collation order, then by
// document id), so a range read costs the rows it returns. PouchDB's map/reduce under express-pouchdb reads
// each row back as a LevelDB document: a province week of the sampling population (60 000 rows) took 5–6 s
// to read, most of a draw's time. Only the repository's own map functions run here (design-code.ts); the
// index is built from the database's changes on its first read and rebuilt after a restart.
import { toIndexableString } from 'pouchdb-collate';

interface Row {
	indexable: string;
	id: string;
	key: unknown;
	value: unknown;
}

export interface RangeQuery {
	startkey?: unknown;
	endkey?: unknown;
	inclusiveEnd: boolean;
	descending: boolean;
	limit?: number;
	skip: number;
}

const compareRows = (a: Row, b: Row) =>
	a.indexable < b.indexable ? -1 : a.indexable > b.indexable ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The first position whose row's key is ≥ the indexable key (> with strictlyAfter). */
function lowerBound(rows: readonly Row[], indexable: string, strictlyAfter: boolean): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		const key = rows[middle]!.indexable;
		if (strictlyAfter ? key <= indexable : key < indexable) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Where a row goes, or is, in the sorted rows. */
function position(rows: readonly Row[], row: Row): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (compareRows(rows[middle]!, row) < 0) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Above this many changes in one catch-up, the new rows are sorted among themselves and merged in one pass
 * rather than spliced in one by one (each splice moves the rows after it: 542 000 of them in a province's
 * qa). Sorting everything again instead cost 270 ms a batch of 5 000 there.
 */
const MERGE_AFTER = 32;

/** The rows of two sorted lists, sorted. */
function mergeSorted(left: readonly Row[], right: readonly Row[]): Row[] {
	const merged = new Array<Row>(left.length + right.length);
	let l = 0;
	let r = 0;
	let at = 0;
	while (l < left.length && r < right.length)
		merged[at++] = compareRows(right[r]!, left[l]!) < 0 ? right[r++]! : left[l++]!;
	while (l < left.length) merged[at++] = left[l++]!;
	while (r < right.length) merged[at++] = right[r++]!;
	return merged;
}

export class MapIndex {
	readonly #map: (doc: Record<string, unknown>, id: string) => Row[];
	readonly #byDocument = new Map<string, Row[]>();
	#rows: Row[] = [];

	constructor(mapSource: string) {
		let emitted: Row[] = [];
		let current = '';
		const emit = (key: unknown, value: unknown) => {
			emitted.push({ indexable: toIndexableString(key), id: current, key, value: value ?? null });
		};
		// The repository's own ES5 map function (sync/ddocs), compiled once with emit in its scope.
		const map = new Function('emit', `"use strict"; return (${mapSource});`)(emit) as (
			doc: Record<string, unknown>
		) => void;
		this.#map = (doc, id) => {
			emitted = [];
			current = id;
			try {
				map(doc);
			} catch {
				// CouchDB skips a document its map function throws on; so does this index.
				return [];
			}
			return emitted;
		};
	}

	get rowCount(): number {
		return this.#rows.length;
	}

	/** Documents as they now are (deleted: null), a batch of the changes feed at a time. */
	update(changes: ReadonlyArray<{ id: string; doc: Record<string, unknown> | null }>): void {
		const whole = changes.length > MERGE_AFTER;
		const removed = new Set<Row>();
		const added: Row[] = [];
		for (const { id, doc } of changes) {
			for (const row of this.#byDocument.get(id) ?? []) removed.add(row);
			const rows = doc && !id.startsWith('_design/') ? this.#map(doc, id) : [];
			if (rows.length > 0) this.#byDocument.set(id, rows);
			else this.#byDocument.delete(id);
			added.push(...rows);
		}
		if (whole) {
			const kept = removed.size > 0 ? this.#rows.filter((row) => !removed.has(row)) : this.#rows;
			this.#rows = mergeSorted(kept, added.sort(compareRows));
			return;
		}
		for (const row of removed) {
			const at = position(this.#rows, row);
			if (this.#rows[at] === row) this.#rows.splice(at, 1);
		}
		for (const row of added) this.#rows.splice(position(this.#rows, row), 0, row);
	}

	/** The rows CouchDB answers for a map-only read of a key range. */
	query(query: RangeQuery): Array<{ id: string; key: unknown; value: unknown }> {
		const low = query.descending ? query.endkey : query.startkey;
		const high = query.descending ? query.startkey : query.endkey;
		// inclusive_end belongs to endkey, which is the low end of a descending read.
		const lowInclusive = query.descending ? query.inclusiveEnd : true;
		const highInclusive = query.descending ? true : query.inclusiveEnd;
		const from = low === undefined ? 0 : lowerBound(this.#rows, toIndexableString(low), !lowInclusive);
		const to =
			high === undefined ? this.#rows.length : lowerBound(this.#rows, toIndexableString(high), highInclusive);
		const selected = this.#rows.slice(from, Math.max(from, to));
		if (query.descending) selected.reverse();
		const page = selected.slice(query.skip, query.limit === undefined ? undefined : query.skip + query.limit);
		return page.map((row) => ({ id: row.id, key: row.key, value: row.value }));
	}
}
