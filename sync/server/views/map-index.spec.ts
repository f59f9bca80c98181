// The in-memory map-only index answers range reads as CouchDB does: rows by key in collation order then by
// document id, inclusive_end, descending, skip and limit; documents changed or deleted take their rows along,
// whether the changes come one at a time or in a batch large enough to sort again.
import { describe, expect, it } from 'vitest';
import { MapIndex } from './map-index';

const MAP = `function (doc) { if (doc.type === 'recording') emit([doc.startedAt, doc._id], [doc.agentName, doc.durationSeconds]); }`;
const call = (n: number, agent = `agent0${n % 3}`) => ({
	id: `recording:C${String(n).padStart(4, '0')}`,
	doc: {
		_id: `recording:C${String(n).padStart(4, '0')}`,
		type: 'recording',
		startedAt: `2026-11-${String(10 + (n % 7)).padStart(2, '0')}T0${n % 10}:00:00.000Z`,
		agentName: agent,
		durationSeconds: n
	}
});
const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

describe('MapIndex', () => {
	it('reads a key range in key order, the end included unless told otherwise', () => {
		const index = new MapIndex(MAP);
		index.update([3, 1, 2, 10, 8].map((n) => call(n)));
		expect(index.rowCount).toBe(5);
		const all = index.query({ inclusiveEnd: true, descending: false, skip: 0 });
		expect(all.map((row) => (row.key as string[])[0])).toEqual(
			[...all.map((row) => (row.key as string[])[0])].sort()
		);
		const day = index.query({
			startkey: ['2026-11-11'],
			endkey: ['2026-11-12'],
			inclusiveEnd: true,
			descending: false,
			skip: 0
		});
		expect(ids(day)).toEqual(['recording:C0001', 'recording:C0008']);
		expect(day[0]).toEqual({
			id: 'recording:C0001',
			key: ['2026-11-11T01:00:00.000Z', 'recording:C0001'],
			value: ['agent01', 1]
		});
		const exact = all[1]!.key;
		expect(ids(index.query({ endkey: exact, inclusiveEnd: false, descending: false, skip: 0 }))).toEqual([
			all[0]!.id
		]);
		expect(ids(index.query({ endkey: exact, inclusiveEnd: true, descending: false, skip: 0 }))).toEqual(
			ids(all.slice(0, 2))
		);
	});

	it('reads backwards, skips and limits like CouchDB', () => {
		const index = new MapIndex(MAP);
		index.update([1, 2, 3, 4, 5, 6].map((n) => call(n)));
		const forward = ids(index.query({ inclusiveEnd: true, descending: false, skip: 0 }));
		const backward = ids(index.query({ inclusiveEnd: true, descending: true, skip: 0 }));
		expect(backward).toEqual([...forward].reverse());
		expect(ids(index.query({ inclusiveEnd: true, descending: true, skip: 1, limit: 2 }))).toEqual(
			backward.slice(1, 3)
		);
		const newest = index.query({ inclusiveEnd: true, descending: true, skip: 0, limit: 1 })[0]!.key;
		expect(ids(index.query({ startkey: newest, inclusiveEnd: true, descending: true, skip: 0 }))).toEqual(
			backward
		);
	});

	it('follows changes and deletions, one at a time or in a large batch, to the same rows', () => {
		const incremental = new MapIndex(MAP);
		const batched = new MapIndex(MAP);
		const changes = Array.from({ length: 1500 }, (_, n) => call(n));
		for (const change of changes.slice(0, 300)) incremental.update([change]);
		incremental.update(changes.slice(300));
		batched.update(changes);
		const later = [
			{ id: call(5).id, doc: null },
			{ id: call(7).id, doc: { ...call(7).doc, startedAt: '2026-12-01T00:00:00.000Z' } },
			{ id: 'note:1', doc: { _id: 'note:1', type: 'note' } }
		];
		incremental.update(later);
		batched.update([
			...later,
			...changes.slice(0, 1001).filter((change) => change.id !== call(5).id && change.id !== call(7).id)
		]);
		const read = (index: MapIndex) => index.query({ inclusiveEnd: true, descending: false, skip: 0 });
		expect(read(incremental)).toEqual(read(batched));
		expect(incremental.rowCount).toBe(1499);
		expect(ids(read(incremental))).not.toContain(call(5).id);
		expect(read(incremental).at(-1)!.id).toBe(call(7).id);
	});

	it('merges a batch into the rows it has in collation order, equal keys by document id', () => {
		const index = new MapIndex(`function (doc) { emit(doc.k, null); }`);
		const doc = (n: number, k: unknown) => ({ id: `d${String(n).padStart(3, '0')}`, doc: { k } });
		const keys = [3, 'a', null, [1], 2, 'b', true, 10, { x: 1 }, false];
		index.update(Array.from({ length: 40 }, (_, n) => doc(n * 2, keys[n % keys.length])));
		index.update(Array.from({ length: 40 }, (_, n) => doc(79 - n * 2, keys[(n * 3) % keys.length])));
		const rows = index.query({ inclusiveEnd: true, descending: false, skip: 0 });
		// CouchDB's order of types: null, false, true, numbers, strings, arrays, objects.
		const rank = (key: unknown) =>
			key === null
				? 0
				: key === false
					? 1
					: key === true
						? 2
						: typeof key === 'number'
							? 3
							: typeof key === 'string'
								? 4
								: Array.isArray(key)
									? 5
									: 6;
		const expected = [...rows].sort((a, b) => {
			const byType = rank(a.key) - rank(b.key);
			if (byType !== 0) return byType;
			if (typeof a.key === 'number') return (a.key as number) - (b.key as number) || a.id.localeCompare(b.id);
			if (typeof a.key === 'string')
				return (a.key as string).localeCompare(b.key as string, 'en') || a.id.localeCompare(b.id);
			return a.id.localeCompare(b.id);
		});
		expect(rows).toHaveLength(80);
		expect(rows.map((row) => [row.key, row.id])).toEqual(expected.map((row) => [row.key, row.id]));
	});

	it('skips a document its map function throws on, as CouchDB does', () => {
		const index = new MapIndex(`function (doc) { emit(doc.a.b, null); }`);
		index.update([
			{ id: 'x', doc: { _id: 'x' } },
			{ id: 'y', doc: { _id: 'y', a: { b: 1 } } }
		]);
		expect(ids(index.query({ inclusiveEnd: true, descending: false, skip: 0 }))).toEqual(['y']);
	});
});
