// The aggregate index must answer exactly as PouchDB's own map/reduce (what express-pouchdb answered before
// it): the same rows for every kind of reduced read, after documents are added, changed and deleted.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { buildDesignDocuments } from '../../ddocs/build-design-docs';
import { databases, SEARCH_LOG_DB } from '../../../src/lib/db/catalog';
import { AggregateIndex, type AggregateQuery, type BuiltInReducer } from './aggregate-index';
import { seededRandom } from '../../../src/lib/seeded-random';

PouchDB.plugin(memoryAdapter);

const insights = buildDesignDocuments(
	databases[SEARCH_LOG_DB]!.designFolder,
	databases[SEARCH_LOG_DB]!.documentTypes
).find((ddoc) => ddoc._id === '_design/insights')!;

function logs(count: number, seed: number) {
	const next = seededRandom(seed);
	const queries = [
		'社保卡',
		'电动车上牌',
		'公积金提取怎么办',
		'无人机备案',
		'居住证',
		'A 证件?',
		'养犬证怎么办理呢'
	];
	return Array.from({ length: count }, (_, index) => {
		const zero = next() < 0.3;
		const opened = !zero && next() < 0.6;
		return {
			_id: `searchLog:${String(index).padStart(5, '0')}:agent0${1 + Math.floor(next() * 4)}`,
			type: 'searchLog',
			query: queries[Math.floor(next() * queries.length)]!,
			resultCount: zero ? 0 : 1 + Math.floor(next() * 9),
			...(opened ? { openedEntryId: `entry:e${Math.floor(next() * 3)}` } : {}),
			createdBy: `agent0${1 + Math.floor(next() * 4)}`,
			createdAt: new Date(
				Date.UTC(2026, 9 + Math.floor(next() * 3), 1 + Math.floor(next() * 28), Math.floor(next() * 24))
			).toISOString()
		};
	});
}

const QUERIES: Array<Partial<AggregateQuery> & Record<string, unknown>> = [
	{},
	{ group: 'exact' },
	{ group: 1 },
	{ group: 2 },
	{ group: 3 },
	{ group: 3, startkey: ['2026-11'], endkey: ['2026-11', {}] },
	{ group: 2, startkey: ['2026-11', '社'], endkey: ['2026-12'] },
	{ group: 2, startkey: ['2026-11', '社'], endkey: ['2026-12'], inclusiveEnd: false },
	{ group: 3, descending: true, startkey: ['2026-12', {}], endkey: ['2026-11'] },
	{ group: 1, descending: true },
	{ group: 3, skip: 2, limit: 5 },
	{ startkey: ['2026-11'], endkey: ['2026-11', {}] }
];

/** The same read as PouchDB options. */
function pouchOptions(query: Partial<AggregateQuery>): PouchDB.Query.Options<object, object> {
	return {
		reduce: true,
		...(query.group === 'exact'
			? { group: true }
			: query.group !== undefined
				? { group_level: query.group }
				: {}),
		...(query.startkey !== undefined ? { startkey: query.startkey } : {}),
		...(query.endkey !== undefined ? { endkey: query.endkey } : {}),
		...(query.inclusiveEnd === false ? { inclusive_end: false } : {}),
		...(query.descending ? { descending: true } : {}),
		...(query.skip ? { skip: query.skip } : {}),
		...(query.limit !== undefined ? { limit: query.limit } : {})
	};
}

/** Sums of squared timestamps (~10²⁶) differ in the last digits with the order of addition. */
function roundSquares(row: { key: unknown; value: unknown }) {
	const value = row.value as { sumsqr?: number };
	return typeof value === 'object' && value && value.sumsqr !== undefined
		? { ...row, value: { ...value, sumsqr: Number(value.sumsqr.toPrecision(12)) } }
		: row;
}

const full = (query: Partial<AggregateQuery>): AggregateQuery => ({
	inclusiveEnd: true,
	descending: false,
	group: undefined,
	skip: 0,
	...query
});

async function compare(
	view: string,
	reducer: BuiltInReducer,
	documents: Array<{ _id: string }>,
	seed: number
) {
	const db = new PouchDB(`aggregate-${Math.random()}`, { adapter: 'memory' });
	await db.put(insights as never);
	const index = new AggregateIndex(insights.views![view]!.map, reducer);
	await db.bulkDocs(documents);
	for (const doc of documents) index.update(doc._id, doc as never);
	// With odd seeds a read comes first, so the changes below take keys out of the sorted list as well as out of
	// those added since the last read.
	if (seed % 2 === 1) index.query(full({ group: 'exact' }));
	// Change and delete some, in both.
	const next = seededRandom(seed);
	for (const doc of documents.filter(() => next() < 0.2)) {
		const stored = await db.get(doc._id);
		if (next() < 0.5) {
			await db.remove(stored);
			index.update(doc._id, null);
		} else {
			const changed = { ...stored, resultCount: 0, query: '改过的检索词' };
			await db.put(changed);
			index.update(doc._id, changed as never);
		}
	}
	for (const query of QUERIES) {
		const expected = (await db.query(`insights/${view}`, pouchOptions(query))).rows.map(({ key, value }) => ({
			key,
			value
		}));
		expect(index.query(full(query)).map(roundSquares), `${view} ${JSON.stringify(query)}`).toEqual(
			expected.map(roundSquares)
		);
	}
	await db.destroy();
}

describe('the aggregate index answers as PouchDB', () => {
	it.each([1, 2, 3])('_stats over [month, query, agent] (seed %i)', async (seed) => {
		await compare('zero-results', '_stats', logs(400, seed), seed);
	});
	it.each([4, 5])('_sum of arrays over [month, query, entry] (seed %i)', async (seed) => {
		await compare('query-openings', '_sum', logs(400, seed), seed);
	});
	it.each([6, 7])('_count over [day, outcome] (seed %i)', async (seed) => {
		await compare('searches-by-day', '_count', logs(400, seed), seed);
	});

	it.each([8, 9])(
		'_sum of numbers and arrays of any length, some summing to zero, as documents go (seed %i)',
		async (seed) => {
			const next = seededRandom(seed);
			const design = {
				_id: '_design/t',
				views: { sums: { map: 'function (doc) { emit(doc.k, doc.v); }', reduce: '_sum' } }
			};
			const db = new PouchDB(`aggregate-sum-${Math.random()}`, { adapter: 'memory' });
			await db.put(design);
			const index = new AggregateIndex(design.views.sums.map, '_sum');
			const value = () => {
				const number = () => Math.floor(next() * 7) - 3;
				return next() < 0.4 ? number() : Array.from({ length: 1 + Math.floor(next() * 3) }, number);
			};
			const documents = Array.from({ length: 120 }, (_, at) => ({
				_id: `d${at}`,
				k: ['a', 'b', 'c', 'd'][Math.floor(next() * 4)]!,
				v: value()
			}));
			await db.bulkDocs(documents);
			for (const doc of documents) index.update(doc._id, doc);
			index.query(full({ group: 'exact' }));
			for (const doc of documents.filter(() => next() < 0.5)) {
				await db.remove(await db.get(doc._id));
				index.update(doc._id, null);
			}
			// Key 'd' loses every document: it must leave the rows, whatever its sum had come to.
			for (const doc of documents.filter((each) => each.k === 'd')) {
				const stored = await db.get(doc._id).catch(() => null);
				if (stored) await db.remove(stored);
				index.update(doc._id, null);
			}
			for (const query of [{ group: 'exact' as const }, {}]) {
				const expected = (await db.query('t/sums', pouchOptions(query))).rows.map(({ key, value }) => ({
					key,
					value
				}));
				expect(index.query(full(query)), JSON.stringify(query)).toEqual(expected);
			}
			expect(index.query(full({ group: 'exact' })).map(({ key }) => key)).not.toContain('d');
			await db.destroy();
		}
	);

	it.each(['_count', '_sum', '_stats'] as const)(
		'leaves rows already read as they were when documents change after (%s)',
		(reducer) => {
			const index = new AggregateIndex('function (doc) { emit(doc.k, doc.v); }', reducer);
			index.update('a', { k: 'k', v: [1, 2] });
			index.update('b', { k: 'k', v: 3 });
			const before = index.query(full({ group: 'exact' }));
			const seen = JSON.stringify(before);
			index.update('a', null);
			index.update('c', { k: 'k', v: [5] });
			index.query(full({ group: 'exact' }));
			expect(JSON.stringify(before)).toBe(seen);
		}
	);

	it('skips a document its map function throws on, as CouchDB does', () => {
		const index = new AggregateIndex('function (doc) { emit(doc.a.b, 1); }', '_count');
		index.update('x', { a: { b: 'k' } });
		index.update('y', {});
		expect(index.query(full({ group: 'exact' }))).toEqual([{ key: 'k', value: 1 }]);
	});
});
