import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { draftEntry } from '../../../tests/fixtures/documents';
import { BULK_BATCH_SIZE, saveAllOrNothing } from './bulk-save';
import type { Entry } from './generated/documents';
import type { LocalDatabase } from './local-databases';
import { countUnpushed } from './unpushed-changes';

PouchDB.plugin(memoryAdapter);

// The browser's IndexedDB database is replaced by an in-memory PouchDB, fresh for every test.
const local = vi.hoisted(() => ({ db: null as unknown as LocalDatabase }));
vi.mock('./local-databases', () => ({ openLocalDatabase: () => local.db }));

beforeEach(() => {
	local.db = new PouchDB(`bulk-save-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;
});

function entries(count: number): Entry[] {
	return Array.from({ length: count }, (_, index) =>
		draftEntry({
			_id: `entry:bulk-${index}`,
			standardQuestion: `第 ${index} 个问题怎么办？`,
			templateFields: []
		})
	);
}

async function liveIds(): Promise<string[]> {
	const result = await local.db.allDocs();
	return result.rows.map((row) => row.id);
}

describe('saveAllOrNothing', () => {
	it('writes every document in batches, reports progress and counts them as not yet pushed', async () => {
		const progress: Array<[number, number]> = [];
		const result = await saveAllOrNothing('editor01', 'kb', entries(1200), (done, total) =>
			progress.push([done, total])
		);
		expect(result).toEqual({ ok: true, value: { written: 1200 } });
		expect(progress).toEqual([
			[0, 1200],
			[BULK_BATCH_SIZE, 1200],
			[2 * BULK_BATCH_SIZE, 1200],
			[1200, 1200]
		]);
		expect(await liveIds()).toHaveLength(1200);
		expect(await countUnpushed(local.db)).toBe(1200);
	});

	it('writes nothing when a document does not match its schema, and names it', async () => {
		const docs = entries(3);
		docs[1] = { ...docs[1]!, standardQuestion: '' };
		const result = await saveAllOrNothing('editor01', 'kb', docs, undefined, {
			describe: (index) => `第 ${index + 2} 行`
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.refused.map((item) => item.index)).toEqual([1]);
		expect(result.error).toContain('第 3 行：standardQuestion 太短');
		expect(await liveIds()).toEqual([]);
	});

	it('refuses before writing when a document would overwrite a stored one', async () => {
		await local.db.put(draftEntry({ _id: 'entry:bulk-7', templateFields: [] }));
		const result = await saveAllOrNothing('editor01', 'kb', entries(10));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.refused).toEqual([
			{ index: 7, id: 'entry:bulk-7', reason: '已存在同一编号的文档（冲突）' }
		]);
		expect(await liveIds()).toEqual(['entry:bulk-7']);
	});

	it('removes what it already wrote when a later batch is refused (rollback)', async () => {
		const docs = entries(BULK_BATCH_SIZE + 100);
		// The second batch repeats an id of the first: the database refuses it after 500 were written.
		docs[BULK_BATCH_SIZE + 50] = { ...docs[BULK_BATCH_SIZE + 50]!, _id: 'entry:bulk-3' };
		const progress: number[] = [];
		const result = await saveAllOrNothing('editor01', 'kb', docs, (done) => progress.push(done));

		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(progress).toEqual([0, BULK_BATCH_SIZE]);
		expect(result.refused).toEqual([
			{ index: BULK_BATCH_SIZE + 50, id: 'entry:bulk-3', reason: '已存在同一编号的文档（冲突）' }
		]);
		expect(result.error).toContain(`已撤回本次写入的 ${BULK_BATCH_SIZE + 99} 条`);
		expect(result.error).toContain(`第 ${BULK_BATCH_SIZE + 51} 条`);
		expect(await liveIds()).toEqual([]);
		// The first batch was counted as unpushed (sync may have sent it): its deletions are counted instead.
		expect(await countUnpushed(local.db)).toBe(BULK_BATCH_SIZE);
	});
});
