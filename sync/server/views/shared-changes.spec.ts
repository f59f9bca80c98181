// The shared changes reader: indexes catching up from the same point read the changes once, and none is ever
// told "nothing more" by a batch read before the latest documents arrived.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { sharedChangesReader } from './shared-changes';

PouchDB.plugin(memoryAdapter);

function countingOpen() {
	const db = new PouchDB(`shared-${Math.random()}`, { adapter: 'memory' });
	const counter = { reads: 0 };
	const open = async () =>
		({
			changes: (options: PouchDB.Core.ChangesOptions) => {
				counter.reads += 1;
				return db.changes(options);
			}
		}) as unknown as PouchDB.Database;
	return { db, open, counter };
}

describe('sharedChangesReader', () => {
	it('reads a batch once for every index asking for it from the same point', async () => {
		const { db, open, counter } = countingOpen();
		await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
		const read = sharedChangesReader(open);
		const [first, second] = await Promise.all([read('db', 0, 2), read('db', 0, 2)]);
		expect(first.results.map((change) => change.id)).toEqual(['a', 'b']);
		expect(second).toBe(first);
		// A full batch is kept for the slower index: it goes on from the batch's end anyway.
		expect(await read('db', 0, 2)).toBe(first);
		expect(counter.reads).toBe(1);
		const rest = await read('db', first.last_seq, 2);
		expect(rest.results.map((change) => change.id)).toEqual(['c']);
		expect(counter.reads).toBe(2);
	});

	it('forgets a short batch once read, so a later read sees what arrived since', async () => {
		const { db, open, counter } = countingOpen();
		await db.bulkDocs([{ _id: 'a' }]);
		const read = sharedChangesReader(open);
		const before = await read('db', 0, 10);
		expect(before.results).toHaveLength(1);
		await db.bulkDocs([{ _id: 'b' }]);
		const after = await read('db', 0, 10);
		expect(after.results.map((change) => change.id)).toEqual(['a', 'b']);
		expect(counter.reads).toBe(2);
	});

	it('includes the documents', async () => {
		const { db, open } = countingOpen();
		await db.put({ _id: 'a', kind: 'x' });
		const [change] = (await sharedChangesReader(open)('db', 0, 10)).results;
		expect(change?.doc).toMatchObject({ _id: 'a', kind: 'x' });
	});

	it('forgets what it kept of a database that was deleted', async () => {
		const { db, open, counter } = countingOpen();
		await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }]);
		const read = sharedChangesReader(open);
		const full = await read('db', 0, 2);
		read.forget('db');
		expect(await read('db', 0, 2)).not.toBe(full);
		expect(counter.reads).toBe(2);
	});
});
