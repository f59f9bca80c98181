import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { draftEntry } from '../../../tests/fixtures/documents';
import { readChangesBatch } from './changes-since';

PouchDB.plugin(memoryAdapter);

describe('readChangesBatch', () => {
	it('reads changes after a sequence in batches, with documents, filtered by id prefix', async () => {
		const db = new PouchDB(`changes-since-${Math.random()}`, { adapter: 'memory' });
		await db.bulkDocs([
			draftEntry({ _id: 'entry:a' }),
			draftEntry({ _id: 'entry:b' }),
			{ _id: 'category:x', type: 'category' },
			draftEntry({ _id: 'entry:c' })
		]);
		await db.put({ _id: '_local/state', value: 1 });

		const first = await readChangesBatch(db, 0, { idPrefixes: ['entry:'], batchSize: 2 });
		expect(first.changes.map((change) => change.id)).toEqual(['entry:a', 'entry:b']);
		expect(first.changes[0]!.doc).toMatchObject({
			_id: 'entry:a',
			standardQuestion: '社保卡丢失了怎么补办？'
		});
		expect(first.pending).toBe(true);

		const second = await readChangesBatch(db, first.lastSequence, { idPrefixes: ['entry:'], batchSize: 2 });
		expect(second.changes.map((change) => change.id)).toEqual(['entry:c']);
		expect(second.pending).toBe(true);
		const third = await readChangesBatch(db, second.lastSequence, { batchSize: 2 });
		expect(third).toMatchObject({ changes: [], pending: false });

		const doc = await db.get('entry:a');
		await db.remove(doc);
		const afterDelete = await readChangesBatch(db, third.lastSequence);
		expect(afterDelete.changes).toEqual([{ id: 'entry:a', deleted: true }]);
		await db.destroy();
	});
});
