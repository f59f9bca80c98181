import { describe, expect, it } from 'vitest';
import { rowsFor } from './changes-feed';
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

const rows = [
	{
		id: 'entry:a',
		seq: 4,
		leaves: [{ rev: '2-a' }],
		doc: { _id: 'entry:a', _rev: '2-a', type: 'entry' },
		deleted: false
	},
	{
		id: 'entry:b',
		seq: 5,
		leaves: [{ rev: '3-b' }, { rev: '3-c' }],
		doc: { _id: 'entry:b', _rev: '3-c', type: 'entry', _conflicts: ['3-b'] },
		deleted: false
	},
	{
		id: 'synonym:x',
		seq: 6,
		leaves: [{ rev: '1-x' }],
		doc: { _id: 'synonym:x', _rev: '1-x', _deleted: true },
		deleted: true
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
