// The reduced views of one database catch up together: after new documents, reading one view brings every view
// at the same point up to date over a single read of the changes, and none of them ever shows a stale row.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { AggregateViews } from './aggregate-views';

PouchDB.plugin(memoryAdapter);

const byType = { map: 'function (doc) { emit(doc.kind, doc.n); }', reduce: '_sum' };
const byColour = { map: 'function (doc) { emit(doc.colour, 1); }', reduce: '_count' };
const total = { inclusiveEnd: true, descending: false, group: 'exact' as const, skip: 0 };

describe('the reduced views of a database', () => {
	it('move together over one read of the changes, and stay exact', async () => {
		const db = new PouchDB(`views-${Math.random()}`, { adapter: 'memory' });
		/** Changes read, one per document a read of the feed returned. */
		let read = 0;
		const counting = new Proxy(db, {
			get(target, name) {
				const value = Reflect.get(target, name);
				if (name !== 'changes') return typeof value === 'function' ? value.bind(target) : value;
				return async (options: PouchDB.Core.ChangesOptions) => {
					const changes = await target.changes(options);
					read += changes.results.length;
					return changes;
				};
			}
		});
		const views = new AggregateViews(async () => counting);
		await db.bulkDocs([
			{ _id: 'a', kind: 'x', n: 1, colour: 'red' },
			{ _id: 'b', kind: 'y', n: 2, colour: 'blue' }
		]);
		await views.read('db', 'd/types', byType, total);
		await views.read('db', 'd/colours', byColour, total);
		const built = read;

		const a = await db.get('a');
		await db.bulkDocs([
			{ ...a, kind: 'y', n: 5, colour: 'blue' },
			{ _id: 'c', kind: 'x', n: 7, colour: 'red' }
		]);
		expect(await views.read('db', 'd/types', byType, total)).toEqual([
			{ key: 'x', value: 7 },
			{ key: 'y', value: 7 }
		]);
		expect(read - built).toBe(2);
		// The other view was brought along: reading it reads nothing again.
		expect(await views.read('db', 'd/colours', byColour, total)).toEqual([
			{ key: 'blue', value: 2 },
			{ key: 'red', value: 1 }
		]);
		expect(read - built).toBe(2);
	});
});
