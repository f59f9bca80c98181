// The reduced views of one database catch up together: after new documents, reading one view brings every view
// at the same point up to date over a single read of the changes, and none of them ever shows a stale row; the
// first read of one view of a design builds the design's other reduced views in the same pass.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { AggregateViews } from './aggregate-views';
import { sharedChangesReader } from './shared-changes';

PouchDB.plugin(memoryAdapter);

const byType = { map: 'function (doc) { emit(doc.kind, doc.n); }', reduce: '_sum' };
const byColour = { map: 'function (doc) { emit(doc.colour, 1); }', reduce: '_count' };
const total = { inclusiveEnd: true, descending: false, group: 'exact' as const, skip: 0 };

/** Views over a database whose changes feed counts the documents it returns. */
function countingViews() {
	const db = new PouchDB(`views-${Math.random()}`, { adapter: 'memory' });
	const counter = { read: 0 };
	const counting = new Proxy(db, {
		get(target, name) {
			const value = Reflect.get(target, name);
			if (name !== 'changes') return typeof value === 'function' ? value.bind(target) : value;
			return async (options: PouchDB.Core.ChangesOptions) => {
				const changes = await target.changes(options);
				counter.read += changes.results.length;
				return changes;
			};
		}
	});
	return { db, counter, views: new AggregateViews(sharedChangesReader(async () => counting)) };
}

describe('the reduced views of a database', () => {
	it('move together over one read of the changes, and stay exact', async () => {
		const { db, counter, views } = countingViews();
		await db.bulkDocs([
			{ _id: 'a', kind: 'x', n: 1, colour: 'red' },
			{ _id: 'b', kind: 'y', n: 2, colour: 'blue' }
		]);
		await views.read('db', 'd/types', byType, total);
		await views.read('db', 'd/colours', byColour, total);
		const built = counter.read;

		const a = await db.get('a');
		await db.bulkDocs([
			{ ...a, kind: 'y', n: 5, colour: 'blue' },
			{ _id: 'c', kind: 'x', n: 7, colour: 'red' }
		]);
		expect(await views.read('db', 'd/types', byType, total)).toEqual([
			{ key: 'x', value: 7 },
			{ key: 'y', value: 7 }
		]);
		expect(counter.read - built).toBe(2);
		// The other view was brought along: reading it reads nothing again.
		expect(await views.read('db', 'd/colours', byColour, total)).toEqual([
			{ key: 'blue', value: 2 },
			{ key: 'red', value: 1 }
		]);
		expect(counter.read - built).toBe(2);
	});
});

describe('the first read of a design’s view', () => {
	it('builds its reduced siblings in the same pass, and no other design’s', async () => {
		const { db, counter, views } = countingViews();
		await db.bulkDocs([
			{ _id: 'a', kind: 'x', n: 1, colour: 'red' },
			{ _id: 'b', kind: 'y', n: 2, colour: 'blue' },
			{ _id: 'c', kind: 'y', n: 4, colour: 'red' }
		]);
		const design = new Map<string, { map: string; reduce?: string }>([
			['d/types', byType],
			['d/colours', byColour],
			['d/listed', { map: 'function (doc) { emit(doc._id); }' }],
			['other/colours', byColour]
		]);
		expect(await views.read('db', 'd/types', byType, total, design)).toEqual([
			{ key: 'x', value: 1 },
			{ key: 'y', value: 6 }
		]);
		expect(counter.read).toBe(3);
		expect(await views.read('db', 'd/colours', byColour, total, design)).toEqual([
			{ key: 'blue', value: 1 },
			{ key: 'red', value: 2 }
		]);
		expect(counter.read).toBe(3);
		// Another design's view is built on its own first read.
		await views.read('db', 'other/colours', byColour, total, design);
		expect(counter.read).toBe(6);
	});
});
