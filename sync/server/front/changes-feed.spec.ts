import { describe, expect, it, vi } from 'vitest';
import {
	ChangesHub,
	DatabaseWatch,
	queryChanges,
	rowsFor,
	type ChangeRow,
	type SharedRow
} from './changes-feed';
import type { ChangesOptions } from './changes-request';

const base: ChangesOptions = {
	feed: 'longpoll',
	since: 0,
	limit: undefined,
	allLeaves: false,
	includeDocs: false,
	conflicts: false,
	attachments: false,
	descending: false,
	filter: { kind: 'none' },
	heartbeatMs: undefined,
	timeoutMs: 60_000
};

const rows: SharedRow[] = [
	{
		id: 'entry:a',
		seq: 4,
		leaves: [{ rev: '2-a' }],
		doc: { _id: 'entry:a', _rev: '2-a', type: 'entry' },
		deleted: false,
		bytes: 0
	},
	{
		id: 'entry:b',
		seq: 5,
		leaves: [{ rev: '3-b' }, { rev: '3-c' }],
		doc: { _id: 'entry:b', _rev: '3-c', type: 'entry', _conflicts: ['3-b'] },
		deleted: false,
		bytes: 0
	},
	{
		id: 'synonym:x',
		seq: 6,
		leaves: [{ rev: '1-x' }],
		doc: { _id: 'synonym:x', _rev: '1-x', _deleted: true },
		deleted: true,
		bytes: 0
	}
];

describe('rowsFor: one shared read, shaped for each waiting request', () => {
	it('gives the rows after the request’s sequence, with the winning revision only', () => {
		expect(rowsFor(rows, 4, base)).toEqual([
			{ id: 'entry:b', seq: 5, changes: [{ rev: '3-c' }] },
			{ id: 'synonym:x', seq: 6, changes: [{ rev: '1-x' }], deleted: true }
		]);
	});

	it('gives every leaf with style=all_docs, and documents without their conflicts unless asked', () => {
		const [row] = rowsFor(rows, 4, { ...base, allLeaves: true, includeDocs: true, limit: 1 });
		expect(row!.changes).toEqual([{ rev: '3-b' }, { rev: '3-c' }]);
		expect(row!.doc).not.toHaveProperty('_conflicts');
		const [withConflicts] = rowsFor(rows, 4, { ...base, includeDocs: true, conflicts: true, limit: 1 });
		expect(withConflicts!.doc).toHaveProperty('_conflicts', ['3-b']);
	});

	it('applies each request’s own filter', () => {
		const ids = (options: Partial<ChangesOptions>) =>
			rowsFor(rows, 0, { ...base, ...options }).map((row) => row.id);
		expect(ids({ filter: { kind: 'docIds', ids: new Set(['entry:a']) } })).toEqual(['entry:a']);
		expect(ids({ filter: { kind: 'selector', selector: { type: 'entry' } } })).toEqual([
			'entry:a',
			'entry:b'
		]);
		const onlySynonyms = (doc: Record<string, unknown>) => String(doc._id).startsWith('synonym:');
		expect(ids({ filter: { kind: 'function', fn: onlySynonyms, query: {} } })).toEqual(['synonym:x']);
		const throws = () => {
			throw new Error('bad filter');
		};
		expect(ids({ filter: { kind: 'function', fn: throws, query: {} } })).toEqual([]);
	});
});

describe('DatabaseWatch: one live read per database, shared by every waiting request', () => {
	async function memoryDb() {
		const { default: PouchDB } = await import('pouchdb');
		const { default: memory } = await import('pouchdb-adapter-memory');
		PouchDB.plugin(memory);
		return new PouchDB(`watch-${Math.random()}`, { adapter: 'memory' });
	}

	function waitFor(watch: DatabaseWatch, since: number, options: Partial<ChangesOptions> = {}) {
		return new Promise<{ rows: ChangeRow[]; lastSeq: number }>((resolve) => {
			const stop = watch.add({
				since,
				options: { ...base, ...options },
				deliver: (rows, lastSeq) => {
					stop();
					resolve({ rows, lastSeq });
				}
			});
		});
	}

	it('delivers a write to every waiter, each filtered, and answers latecomers from its buffer', async () => {
		const db = await memoryDb();
		const watch = new DatabaseWatch(db, 0, () => {});
		try {
			const all = waitFor(watch, 0);
			const onlyB = waitFor(watch, 0, { filter: { kind: 'docIds', ids: new Set(['b']) } });
			await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }]);
			expect((await all).rows.map((row) => row.id)).toEqual(['a', 'b']);
			expect((await onlyB).rows.map((row) => row.id)).toEqual(['b']);
			expect(watch.covers(0)).toBe(true);
			expect(watch.rowsAfter(1, base).map((row) => row.id)).toEqual(['b']);
		} finally {
			watch.stop();
		}
	});

	it('learns of writes from the database sequence, never from a live feed re-reading every change', async () => {
		const db = await memoryDb();
		const reads = vi.spyOn(db, 'changes');
		const watch = new DatabaseWatch(db, 0, () => {});
		try {
			const first = waitFor(watch, 0);
			await db.bulkDocs([{ _id: 'a' }]);
			expect((await first).rows.map((row) => row.id)).toEqual(['a']);
			const second = waitFor(watch, 1);
			await db.bulkDocs([{ _id: 'b' }, { _id: 'c' }]);
			expect((await second).rows.map((row) => row.id)).toEqual(['b', 'c']);
			const options = reads.mock.calls.map(([asked]) => asked as PouchDB.Core.ChangesOptions);
			expect(options.some((asked) => asked.live)).toBe(false);
			expect(options.every((asked) => asked.include_docs && asked.limit)).toBe(true);
		} finally {
			watch.stop();
		}
	});

	it('forgets a deleted database’s watch, so a new one starts from the new database', async () => {
		const db = await memoryDb();
		const hub = new ChangesHub();
		const first = await hub.watch('kb', db);
		hub.forget('kb');
		await new Promise((resolve) => setTimeout(resolve, 0));
		const second = await hub.watch('kb', db);
		expect(second).not.toBe(first);
		await hub.stopAll();
	});

	it('serves a waiter that fell behind its buffer with a query of its own, losing nothing', async () => {
		const db = await memoryDb();
		await db.bulkDocs(Array.from({ length: 5 }, (_, index) => ({ _id: `old-${index}` })));
		const watch = new DatabaseWatch(db, 5, () => {});
		try {
			expect(watch.covers(2)).toBe(false);
			const behind = await waitFor(watch, 2);
			expect(behind.rows.map((row) => row.id)).toEqual(['old-2', 'old-3', 'old-4']);
			expect(behind.lastSeq).toBe(5);
		} finally {
			watch.stop();
		}
	});
});

describe('queryChanges: a one-shot read', () => {
	it('stops reading when its client has gone', async () => {
		const { default: PouchDB } = await import('pouchdb');
		const { default: memoryAdapter } = await import('pouchdb-adapter-memory');
		PouchDB.plugin(memoryAdapter);
		const db = new PouchDB(`changes-${Math.random()}`, { adapter: 'memory' });
		await db.bulkDocs(Array.from({ length: 3000 }, (_, i) => ({ _id: `d${i}`, type: 'call' })));
		const options: ChangesOptions = {
			...base,
			feed: 'normal',
			filter: { kind: 'selector', selector: { type: 'call' } }
		};
		expect((await queryChanges(db, 0, options)).results).toHaveLength(3000);
		const stopped = await queryChanges(db, 0, options, (stop) => stop());
		expect(stopped.results.length).toBeLessThan(3000);
		await db.destroy();
	});
});
