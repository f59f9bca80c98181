// A view with a built-in reducer (_count, _sum, _stats), kept reduced per distinct key as the documents change,
// so a grouped read costs the rows it returns. PouchDB's map/reduce, under express-pouchdb, reduces at read
// time over every row in the range: at a province's month of search logs one read took far over a second.
// Apache CouchDB keeps reductions in its B-tree and needs none of this. Only the repository's own map
// functions run here (design-code.ts); the index lives in memory and is rebuilt after a restart.
import { toIndexableString } from 'pouchdb-collate';

export type BuiltInReducer = '_count' | '_sum' | '_stats';

export interface Stats {
	sum: number;
	count: number;
	min: number;
	max: number;
	sumsqr: number;
}

/** _sum also adds arrays of numbers element by element, as CouchDB and PouchDB do. */
export type Aggregate = number | number[] | Stats;

interface KeyedAggregate {
	/** The indexable string itself: documents refer to this one instance, not to copies of it. */
	indexable: string;
	key: unknown;
	value: Aggregate;
	/** How many emissions the key holds: it leaves the index at none. */
	emissions: number;
}

export interface AggregateQuery {
	startkey?: unknown;
	endkey?: unknown;
	inclusiveEnd: boolean;
	descending: boolean;
	/** 'exact' for group=true; a number for group_level; undefined for one total. */
	group: number | 'exact' | undefined;
	limit?: number;
	skip: number;
}

type Emission = [indexable: string, key: unknown, value: unknown];
/** What a document emitted, as kept to take it back: the shared key string, and the value unless counted. */
type Kept = [indexable: string, value: unknown];

export function isBuiltInReducer(reduce: string | undefined): reduce is BuiltInReducer {
	return reduce === '_count' || reduce === '_sum' || reduce === '_stats';
}

const numeric = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

function single(reducer: BuiltInReducer, value: unknown): Aggregate {
	if (reducer === '_count') return 1;
	if (reducer === '_sum') return Array.isArray(value) ? value.map(numeric) : numeric(value);
	const number = numeric(value);
	return { sum: number, count: 1, min: number, max: number, sumsqr: number * number };
}

/** CouchDB's _sum of two values: numbers add; arrays add element by element, the longer one's tail kept, a number counting as [number]. */
function sumValues(a: number | number[], b: number | number[]): number | number[] {
	if (typeof a === 'number' && typeof b === 'number') return a + b;
	const [x, y] = [typeof a === 'number' ? [a] : a, typeof b === 'number' ? [b] : b];
	const [longer, shorter] = x.length >= y.length ? [x, y] : [y, x];
	return longer.map((number, index) => (index < shorter.length ? number + shorter[index]! : number));
}

function combine(reducer: BuiltInReducer, a: Aggregate, b: Aggregate): Aggregate {
	if (reducer === '_count') return (a as number) + (b as number);
	if (reducer === '_sum') return sumValues(a as number | number[], b as number | number[]);
	const x = a as Stats;
	const y = b as Stats;
	return {
		sum: x.sum + y.sum,
		count: x.count + y.count,
		min: Math.min(x.min, y.min),
		max: Math.max(x.max, y.max),
		sumsqr: x.sumsqr + y.sumsqr
	};
}

/** The first index whose item is ≥ the target (> with strictlyAfter), in a sorted array. */
function lowerBound(sorted: string[], target: string, strictlyAfter = false): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		const before = strictlyAfter ? sorted[middle]! <= target : sorted[middle]! < target;
		if (before) low = middle + 1;
		else high = middle;
	}
	return low;
}

export class AggregateIndex {
	readonly #reducer: BuiltInReducer;
	readonly #map: (doc: Record<string, unknown>) => Emission[];
	/**
	 * What each document emitted, to take it back when the document changes: _count keeps only the shared key
	 * strings (a province's month of logs is millions of emissions over a few thousand keys).
	 */
	readonly #byDocument = new Map<string, string[] | Kept[]>();
	readonly #byKey = new Map<string, KeyedAggregate>();
	/** The distinct keys in collation order (pouchdb-collate's indexable strings sort as CouchDB collates). */
	#sorted: string[] = [];
	/**
	 * Keys added since the last read, merged into #sorted before the next: inserting each in place moved half
	 * the array every time, quadratic over a province's month of distinct queries (minutes of a first build).
	 */
	readonly #unsorted = new Set<string>();
	/** Keys whose _stats lost a value (min and max cannot be taken back): summed again before a read. */
	readonly #stale = new Set<string>();

	constructor(mapSource: string, reducer: BuiltInReducer) {
		this.#reducer = reducer;
		let emitted: Emission[] = [];
		const emit = (key: unknown, value: unknown) => {
			emitted.push([toIndexableString(key), key, value]);
		};
		// The repository's own ES5 map function (sync/ddocs), compiled once with emit in its scope.
		const map = new Function('emit', `"use strict"; return (${mapSource});`)(emit) as (
			doc: Record<string, unknown>
		) => void;
		this.#map = (doc) => {
			emitted = [];
			try {
				map(doc);
			} catch {
				// CouchDB skips a document its map function throws on; so does this index.
				return [];
			}
			return emitted;
		};
	}

	get keyCount(): number {
		return this.#byKey.size;
	}

	/** A document as it now is (deleted: null). */
	update(id: string, doc: Record<string, unknown> | null): void {
		const before = this.#byDocument.get(id);
		if (before) for (const kept of this.#keptEmissions(before)) this.#remove(kept);
		if (!doc || id.startsWith('_design/')) {
			this.#byDocument.delete(id);
			return;
		}
		const after = this.#map(doc).map((emission) => this.#add(emission));
		if (after.length === 0) this.#byDocument.delete(id);
		else this.#byDocument.set(id, this.#reducer === '_count' ? after.map(([indexable]) => indexable) : after);
	}

	#keptEmissions(kept: string[] | Kept[]): Kept[] {
		return this.#reducer === '_count'
			? (kept as string[]).map((indexable) => [indexable, null])
			: (kept as Kept[]);
	}

	/** Adds the emission to its key's aggregate; answers it as kept, with the key's own string. */
	#add([indexable, key, value]: Emission): Kept {
		const current = this.#byKey.get(indexable);
		const one = single(this.#reducer, value);
		if (current) {
			current.value = combine(this.#reducer, current.value, one);
			current.emissions += 1;
			return [current.indexable, value];
		}
		this.#byKey.set(indexable, { indexable, key, value: one, emissions: 1 });
		this.#unsorted.add(indexable);
		return [indexable, value];
	}

	#remove([indexable, value]: Kept): void {
		const current = this.#byKey.get(indexable);
		if (!current) return;
		current.emissions -= 1;
		const empty = current.emissions === 0;
		if (this.#reducer === '_count') current.value = (current.value as number) - 1;
		else if (this.#reducer === '_sum' && typeof current.value === 'number' && typeof value === 'number')
			current.value -= value;
		else if (!empty) this.#stale.add(indexable);
		if (empty) {
			this.#byKey.delete(indexable);
			this.#stale.delete(indexable);
			if (!this.#unsorted.delete(indexable)) this.#sorted.splice(lowerBound(this.#sorted, indexable), 1);
		}
	}

	/**
	 * _stats and array sums of keys that lost a value (min and max cannot be taken back, nor an array's length),
	 * from what the documents now emit: rare, as logs are never changed.
	 */
	#refreshStale(): void {
		if (this.#stale.size === 0) return;
		const fresh = new Map<string, Aggregate>();
		for (const kept of this.#byDocument.values())
			for (const [indexable, value] of kept as Kept[]) {
				if (!this.#stale.has(indexable)) continue;
				const one = single(this.#reducer, value);
				const sum = fresh.get(indexable);
				fresh.set(indexable, sum === undefined ? one : combine(this.#reducer, sum, one));
			}
		for (const indexable of this.#stale) {
			const value = fresh.get(indexable);
			const current = this.#byKey.get(indexable);
			if (current && value !== undefined) current.value = value;
		}
		this.#stale.clear();
	}

	/** Merges the keys added since the last read into #sorted, in one pass. */
	#sortAdded(): void {
		if (this.#unsorted.size === 0) return;
		const added = [...this.#unsorted].sort();
		this.#unsorted.clear();
		const merged: string[] = new Array(this.#sorted.length + added.length);
		let [from, next, to] = [0, 0, 0];
		while (from < this.#sorted.length || next < added.length) {
			const takeAdded =
				next < added.length && (from >= this.#sorted.length || added[next]! < this.#sorted[from]!);
			merged[to++] = takeAdded ? added[next++]! : this.#sorted[from++]!;
		}
		this.#sorted = merged;
	}

	/** The rows CouchDB answers for a reduced query: grouped at the level asked, or one total. */
	query(query: AggregateQuery): Array<{ key: unknown; value: Aggregate }> {
		this.#refreshStale();
		this.#sortAdded();
		const low = query.descending ? query.endkey : query.startkey;
		const high = query.descending ? query.startkey : query.endkey;
		// inclusive_end belongs to endkey, which is the low end of a descending read.
		const lowInclusive = query.descending ? query.inclusiveEnd : true;
		const highInclusive = query.descending ? true : query.inclusiveEnd;
		const from = low === undefined ? 0 : lowerBound(this.#sorted, toIndexableString(low), !lowInclusive);
		const to =
			high === undefined
				? this.#sorted.length
				: lowerBound(this.#sorted, toIndexableString(high), highInclusive);
		const rows: Array<{ key: unknown; value: Aggregate }> = [];
		let groupIndexable: string | null = null;
		for (let index = from; index < to; index++) {
			const indexableKey = this.#sorted[index]!;
			const entry = this.#byKey.get(indexableKey)!;
			// A group as long as the key is the key itself: no new key, no new indexable string to compare.
			const whole =
				query.group === 'exact' ||
				(query.group !== undefined && (!Array.isArray(entry.key) || query.group >= entry.key.length));
			const key =
				query.group === undefined
					? null
					: whole
						? entry.key
						: (entry.key as unknown[]).slice(0, query.group as number);
			const indexable = query.group === undefined ? '' : whole ? indexableKey : toIndexableString(key);
			const last = rows.at(-1);
			if (last && indexable === groupIndexable) last.value = combine(this.#reducer, last.value, entry.value);
			else {
				// Shared, not copied: a key's value is only ever replaced (combine makes a new one), never changed.
				rows.push({ key, value: entry.value });
				groupIndexable = indexable;
			}
		}
		if (query.descending) rows.reverse();
		const skipped = rows.slice(query.skip);
		return query.limit === undefined ? skipped : skipped.slice(0, query.limit);
	}
}
