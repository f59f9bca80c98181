// A fresh device's first copy of a large database through the real server: every document arrives with
// its revision, conflicts and attachments as replication would bring them, and live replication then
// starts after the copy instead of from the beginning.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyIntoEmptyDatabase, idRangesWithout, INITIAL_COPY_MIN_DOCS } from '../../src/lib/db/initial-copy';
import type { CopiedPage } from '../../src/lib/db/live-changes';
import type { LocalDatabase } from '../../src/lib/db/local-databases';
import { startTestServer, type TestServer } from '../support/test-server';

PouchDB.plugin(memoryAdapter);

let test: TestServer;
let remote: PouchDB.Database;
const DOCS = INITIAL_COPY_MIN_DOCS + 1500;

beforeAll(async () => {
	test = await startTestServer();
	remote = new PouchDB(`${test.adminSyncUrl}/initial-copy-test`);
	const docs = Array.from({ length: DOCS }, (_, n) => ({ _id: `doc:${String(n).padStart(5, '0')}`, n }));
	for (let start = 0; start < docs.length; start += 1000)
		await remote.bulkDocs(docs.slice(start, start + 1000));
	// One document edited twice on different branches: a conflict on the server.
	const base = await remote.get('doc:00010');
	await remote.bulkDocs(
		[
			{ ...base, _rev: '2-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', side: 'a' },
			{ ...base, _rev: '2-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', side: 'b' }
		],
		{ new_edits: false }
	);
	const withFile = await remote.get('doc:00020');
	await remote.putAttachment('doc:00020', 'note.txt', withFile._rev, Buffer.from('附件内容'), 'text/plain');
}, 120_000);

afterAll(async () => {
	await test?.stop();
});

const quietly = { onProgress: () => {}, isCancelled: () => false };
const fresh = () => new PouchDB(`device-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;

/** A knowledge base whose history and publications a province editor's copy leaves on the server. */
let knowledgeMade:
	| Promise<{
			knowledge: PouchDB.Database;
			kept: number;
			leftOnServer: string[];
			selector: Record<string, unknown>;
	  }>
	| undefined;
const knowledgeBase = () =>
	(knowledgeMade ??= (async () => {
		const knowledge = new PouchDB(`${test.adminSyncUrl}/initial-copy-left-out`);
		const pad = (n: number) => String(n).padStart(5, '0');
		const entries = INITIAL_COPY_MIN_DOCS + 700;
		const docs = [
			...Array.from({ length: 40 }, (_, n) => ({ _id: `category:${pad(n)}`, type: 'category' })),
			...Array.from({ length: entries }, (_, n) => ({ _id: `entry:${pad(n)}`, type: 'entry' })),
			...Array.from({ length: 2500 }, (_, n) => ({ _id: `entryVersion:${pad(n)}:1`, type: 'entryVersion' })),
			...Array.from({ length: 2500 }, (_, n) => ({
				_id: `publishedEntry:${pad(n)}`,
				type: 'publishedEntry'
			})),
			...Array.from({ length: 30 }, (_, n) => ({ _id: `template:${pad(n)}`, type: 'template' }))
		];
		for (let start = 0; start < docs.length; start += 1000)
			await knowledge.bulkDocs(docs.slice(start, start + 1000));
		const kept = 40 + entries + 30;
		const leftOnServer = ['entryVersion', 'publishedEntry'];
		const selector = { $or: [{ type: { $nin: leftOnServer } }, { _deleted: true }] };

		return { knowledge, kept, leftOnServer, selector };
	})());

describe('the first copy of a large database', () => {
	it('copies every document with its revision, conflicts and attachments, reporting progress', async () => {
		const local = fresh();
		const progress: number[] = [];
		let paused = 0;
		const byReplication = await copyIntoEmptyDatabase(local, remote, {
			onProgress: ({ copied }) => progress.push(copied),
			isCancelled: () => false,
			onCopyStart: () => {
				paused++;
				return () => paused--;
			}
		});
		expect(paused).toBe(0);
		expect(byReplication).toEqual(expect.arrayContaining(['doc:00010', 'doc:00020']));
		expect((await local.info()).doc_count).toBe(DOCS);
		expect(progress.at(-1)).toBe(DOCS);
		expect(progress.length).toBeGreaterThan(1);

		const serverDoc = await remote.get('doc:00500');
		expect((await local.get('doc:00500'))._rev).toBe(serverDoc._rev);
		const conflicted = await local.get('doc:00010', { conflicts: true });
		const onServer = await remote.get('doc:00010', { conflicts: true });
		expect(onServer._conflicts?.length).toBeGreaterThan(0);
		expect(conflicted._rev).toBe(onServer._rev);
		expect(conflicted._conflicts?.sort()).toEqual(onServer._conflicts?.sort());
		const attachment = (await local.getAttachment('doc:00020', 'note.txt')) as Buffer;
		expect(attachment.toString()).toBe('附件内容');
	});

	it('lets live replication start after the copy and still bring what changed meanwhile', async () => {
		const local = fresh();
		await copyIntoEmptyDatabase(local, remote, quietly);
		const changed = await remote.get<{ n: number }>('doc:00300');
		await remote.put({ ...changed, n: -1 });

		const pulled = await local.replicate.from(remote);
		expect(pulled.docs_read).toBe(1);
		expect(((await local.get('doc:00300')) as unknown as { n: number }).n).toBe(-1);

		// The push, too, starts after the copy: only what is written here afterwards goes up.
		await local.put({ _id: 'doc:written-here', typed: '复制后在本机写的' });
		const pushed = await local.replicate.to(remote);
		expect(pushed.docs_read).toBe(1);
		expect(pushed.docs_written).toBe(1);
		expect(await remote.get('doc:written-here')).toMatchObject({ typed: '复制后在本机写的' });
	});

	it('resumes a copy that was cut off where it stopped, unless something else was written meanwhile', async () => {
		const local = fresh();
		let pages = 0;
		let cutAt = 0;
		await copyIntoEmptyDatabase(local, remote, {
			onProgress: ({ copied: count }) => ((cutAt = count), pages++),
			isCancelled: () => pages >= 2
		});
		const partial = (await local.info()).doc_count;
		expect(partial).toBeGreaterThan(0);
		expect(partial).toBeLessThan(DOCS);

		const copied: number[] = [];
		await copyIntoEmptyDatabase(local, remote, {
			onProgress: ({ copied: count }) => copied.push(count),
			isCancelled: () => false
		});
		expect(cutAt).toBeGreaterThanOrEqual(partial);
		expect(copied[0]).toBe(cutAt);
		expect((await local.info()).doc_count).toBe((await remote.info()).doc_count);
		expect((await local.replicate.from(remote)).docs_read).toBe(0);

		const interrupted = fresh();
		pages = 0;
		await copyIntoEmptyDatabase(interrupted, remote, {
			onProgress: () => pages++,
			isCancelled: () => pages >= 2
		});
		await interrupted.put({ _id: 'typed-offline', note: '中断后在本机写的' });
		expect(await copyIntoEmptyDatabase(interrupted, remote, quietly)).toBeNull();
	});

	it('leaves a database that already has documents to replication', async () => {
		const local = fresh();
		await local.put({ _id: 'mine', typed: '离线时写的' });
		expect(await copyIntoEmptyDatabase(local, remote, quietly)).toBeNull();
		expect((await local.info()).doc_count).toBe(1);
	});

	it('leaves the types a plan keeps on the server unread, and hands over to a pull with the same selector', async () => {
		const { knowledge, kept, leftOnServer, selector } = await knowledgeBase();
		const local = fresh();
		const totals: number[] = [];
		const pages: CopiedPage[] = [];
		await copyIntoEmptyDatabase(
			local,
			knowledge,
			{
				onProgress: ({ total }) => totals.push(total),
				isCancelled: () => false,
				onPageWritten: (page) => pages.push(page)
			},
			{ leftOnServer, pullSelector: selector }
		);
		// The total counts what is copied once the ids left on the server are counted (beside the first pages).
		expect(totals.at(-1)).toBe(kept);
		expect(totals.every((total) => total >= kept)).toBe(true);
		const held = await local.allDocs();
		expect(held.rows.length).toBe(kept);
		expect(held.rows.some((row) => /^(entryVersion|publishedEntry):/.test(row.id))).toBe(false);
		// Each page follows on from the one before, and together they are every document written.
		expect(pages[0]!.fromSequence).toBe(0);
		for (const [index, page] of pages.entries()) {
			if (index > 0) expect(page.fromSequence).toBe(pages[index - 1]!.toSequence);
			expect(page.toSequence - page.fromSequence).toBe(page.docs.length);
		}
		expect(pages.flatMap((page) => page.docs.map((doc) => doc._id)).sort()).toEqual(
			held.rows.map((row) => row.id).sort()
		);

		// The live pull (same selector) starts at the copy's checkpoint: a new entry and a deletion come,
		// a new version stays on the server.
		await knowledge.bulkDocs([
			{ _id: 'entry:new', type: 'entry' },
			{ _id: 'entryVersion:new:1', type: 'entryVersion' },
			{ ...(await knowledge.get('entry:00003')), _deleted: true }
		]);
		const pulled = await local.replicate.from(knowledge, { selector });
		expect(pulled.docs_written).toBe(2);
		await expect(local.get('entry:new')).resolves.toMatchObject({ type: 'entry' });
		await expect(local.get('entry:00003')).rejects.toMatchObject({ status: 404 });
		await expect(local.get('entryVersion:new:1')).rejects.toMatchObject({ status: 404 });
	});

	it('resumes in the id range it stopped in', async () => {
		const { knowledge, kept, leftOnServer } = await knowledgeBase();
		const local = fresh();
		let pages = 0;
		await copyIntoEmptyDatabase(
			local,
			knowledge,
			{ onProgress: () => pages++, isCancelled: () => pages >= 2 },
			{ leftOnServer }
		);
		expect((await local.info()).doc_count).toBeLessThan(kept);
		await copyIntoEmptyDatabase(local, knowledge, quietly, { leftOnServer });
		const held = await local.allDocs();
		expect(held.rows.filter((row) => row.id.startsWith('template:')).length).toBe(30);
		expect(held.rows.some((row) => /^(entryVersion|publishedEntry):/.test(row.id))).toBe(false);
		expect(idRangesWithout(['publishedEntry:', 'entryVersion:'])).toEqual([
			{ start: '', end: 'entryVersion:' },
			{ start: 'entryVersion:\ufff0', end: 'publishedEntry:' },
			{ start: 'publishedEntry:\ufff0', end: null }
		]);
	});
});
