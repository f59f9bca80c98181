// Two editors' local databases replicate through the real embedded server: what was written locally is
// counted until pushed, and edits made apart surface as a conflict with neither revision lost.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownConflicts, recheckConflicts } from '../../src/lib/db/conflict-tracker';
import type { LocalDatabase } from '../../src/lib/db/local-databases';
import { countUnpushed, markPushed, recordUnpushedWrite } from '../../src/lib/db/unpushed-changes';
import { AT, draftEntry } from '../fixtures/documents';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

PouchDB.plugin(memoryAdapter);

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

function browserOf(userName: string) {
	const local = new PouchDB(`${userName}-${Math.random()}`, {
		adapter: 'memory'
	}) as unknown as LocalDatabase;
	const remote = new PouchDB(`${test.syncUrl}/kb`, { auth: { username: userName, password: DEMO_PASSWORD } });
	return { local, remote };
}

async function push(local: LocalDatabase, remote: PouchDB.Database) {
	const result = await local.replicate.to(remote);
	return result;
}

describe('replication through the sync server', () => {
	it('counts a local write as not yet pushed until a push delivers it', async () => {
		const editor = browserOf('editor01');
		const entry = draftEntry({ _id: 'entry:unpushed' });
		const saved = await editor.local.put(entry);
		await recordUnpushedWrite(editor.local, saved.id, saved.rev);
		expect(await countUnpushed(editor.local)).toBe(1);

		const pushedDocs: Array<{ _id: string; _rev?: string }> = [];
		await new Promise<void>((resolve, reject) =>
			editor.local.replicate
				.to(editor.remote)
				.on('change', (info) => pushedDocs.push(...(info.docs as Array<{ _id: string; _rev: string }>)))
				.on('complete', () => resolve())
				.on('error', reject)
		);
		await markPushed(editor.local, pushedDocs);
		expect(await countUnpushed(editor.local)).toBe(0);

		const reviewer = browserOf('reviewer01');
		await reviewer.local.replicate.from(reviewer.remote);
		expect((await reviewer.local.get('entry:unpushed')) as unknown).toMatchObject({
			standardQuestion: entry.standardQuestion
		});
	});

	it('keeps a refused write counted as not pushed', async () => {
		// An editor may not start an entry published: the server refuses it whatever the browser did.
		const editor = browserOf('editor02');
		const entry = draftEntry({
			_id: 'entry:published-by-editor',
			status: 'published',
			publishedAt: AT,
			createdBy: 'editor02',
			updatedBy: 'editor02'
		});
		const saved = await editor.local.put(entry);
		await recordUnpushedWrite(editor.local, saved.id, saved.rev);
		const denied: string[] = [];
		await new Promise<void>((resolve) =>
			editor.local.replicate
				.to(editor.remote)
				.on('denied', (error) => denied.push((error as { id?: string }).id ?? ''))
				.on('complete', () => resolve())
				.on('error', () => resolve())
		);
		expect(denied).toEqual(['entry:published-by-editor']);
		expect(await countUnpushed(editor.local)).toBe(1);
	});

	it('surfaces edits made apart as a conflict and keeps the losing revision', async () => {
		const first = browserOf('editor01');
		const second = browserOf('editor02');
		const base = await first.local.put(draftEntry({ _id: 'entry:conflict' }));
		await push(first.local, first.remote);
		await second.local.replicate.from(second.remote);

		const original = draftEntry({ _id: 'entry:conflict' });
		await first.local.put({
			...original,
			_rev: base.rev,
			answerText: '第一位采编的修改',
			updatedBy: 'editor01'
		});
		const theirs = (await second.local.get('entry:conflict')) as unknown as { _rev: string };
		await second.local.put({
			...original,
			_rev: theirs._rev,
			answerText: '第二位采编的修改',
			updatedBy: 'editor02'
		});

		await push(first.local, first.remote);
		await push(second.local, second.remote);
		await first.local.replicate.from(first.remote);

		const conflicts = await recheckConflicts(first.local, ['entry:conflict']);
		expect(conflicts).toEqual([{ id: 'entry:conflict', conflictingRevs: [expect.stringMatching(/^2-/)] }]);
		expect(await knownConflicts(first.local)).toEqual(conflicts);

		const winner = (await first.local.get('entry:conflict')) as unknown as { answerText: string };
		const loser = (await first.local.get('entry:conflict', {
			rev: conflicts[0]!.conflictingRevs[0]!
		})) as unknown as {
			answerText: string;
		};
		expect(new Set([winner.answerText, loser.answerText])).toEqual(
			new Set(['第一位采编的修改', '第二位采编的修改'])
		);
	});
});
