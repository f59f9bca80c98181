// What agents are shown is the publication of an entry (publishedEntry), which only reviewers write. Through
// the real embedded server: a reviewer's approval in the app carries the publication to agents; an editor can
// neither write nor delete one, however the write is dressed up (a forged replicated branch included, which
// Apache CouchDB validates with no old document); setup fills in the publications of entries that lack one.
import nano from 'nano';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDatabase } from '../../src/lib/db/local-databases';
import type { Entry, PublishedEntry } from '../../src/lib/db/generated/documents';
import { createDraftEntry } from '../../src/lib/knowledge/entry.service';
import { entryContent } from '../../src/lib/knowledge/entry-content';
import { getPublishedEntry, listPublishedEntries } from '../../src/lib/knowledge/published-entry.service';
import { publicationIdOf, publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { updatePublications } from '../../src/lib/knowledge/workflow/publication.service';
import { approveEntry, archiveEntry, submitEntry } from '../../src/lib/knowledge/workflow/workflow.service';
import { loadDemoKnowledge } from '../../sync/setup/demo-knowledge';
import { ensurePublications } from '../../sync/setup/publications';
import { draftEntry } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { as, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

PouchDB.plugin(memoryAdapter);

// Each person's browser database is an in-memory PouchDB, replicated with the real server by hand.
const browsers = vi.hoisted(() => ({ byUser: new Map<string, LocalDatabase>() }));
vi.mock('$lib/db/local-databases', () => ({
	openLocalDatabase: (userName: string) => browsers.byUser.get(userName)
}));

const editor = { name: 'editor01', roles: ['editor' as const] };
const reviewer = { name: 'reviewer01', roles: ['reviewer' as const, 'editor' as const] };

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
	for (const user of ['editor01', 'reviewer01', 'agent01'])
		browsers.byUser.set(
			user,
			new PouchDB(`${user}-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase
		);
});
afterAll(async () => {
	await test?.stop();
});

// Agents' browsers copy pub (the server's copy of what readers need), editors' and reviewers' kb.
const remoteFor = (userName: string) =>
	new PouchDB(`${test.syncUrl}/${userName.startsWith('agent') ? 'pub' : 'kb'}`, {
		auth: { username: userName, password: DEMO_PASSWORD }
	});

/** Pushes the user's local writes; returns the ids the server refused. */
async function push(userName: string): Promise<string[]> {
	const denied: string[] = [];
	await new Promise<void>((resolve, reject) =>
		browsers.byUser
			.get(userName)!
			.replicate.to(remoteFor(userName))
			.on('denied', (error) => denied.push((error as { id?: string }).id ?? ''))
			.on('complete', () => resolve())
			.on('error', reject)
	);
	return denied;
}

async function pull(userName: string): Promise<void> {
	await browsers.byUser.get(userName)!.replicate.from(remoteFor(userName));
}

const couch = () => nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
const url = (id: string) => `${test.syncUrl}/kb/${encodeURIComponent(id)}`;

async function read<T>(userName: string, id: string): Promise<T & { _rev: string }> {
	const response = await as(userName)(url(id));
	expect(response.status, id).toBe(200);
	return (await response.json()) as T & { _rev: string };
}

/** What an agent reads: pub, once the server has copied kb's current revision of the document there. */
async function readAsAgent<T>(id: string): Promise<T & { _rev: string }> {
	const current = await read<T>('reviewer01', id);
	return eventually(async () => {
		const response = await as('agent01')(`${test.syncUrl}/pub/${encodeURIComponent(id)}`);
		const doc = response.ok ? ((await response.json()) as T & { _rev: string }) : undefined;
		return doc?._rev === current._rev ? doc : undefined;
	});
}

let entryId = '';

describe('publishing in the app', () => {
	it('carries the reviewer’s approval to agents as a publication, and nothing before it', async () => {
		const created = await createDraftEntry('editor01', entryContent(draftEntry()));
		if (!created.ok) throw new Error(created.error);
		entryId = created.value._id;
		// Pushed as a draft first: a new document arrives with no old one, and new entries start as drafts.
		expect(await push('editor01')).toEqual([]);
		expect((await submitEntry('editor01', entryId)).ok).toBe(true);
		// The editor's own session writes no publication, even when asked to.
		expect(await updatePublications(editor, [{ ...created.value, status: 'published' }])).toBe(0);
		expect(await push('editor01')).toEqual([]);
		expect((await as('reviewer01')(url(publicationIdOf(entryId)))).status).toBe(404);

		await pull('reviewer01');
		const approved = await approveEntry(reviewer, entryId);
		expect(approved.ok).toBe(true);
		expect(await push('reviewer01')).toEqual([]);

		const publication = await readAsAgent<PublishedEntry>(publicationIdOf(entryId));
		expect(publication).toMatchObject({
			entryId,
			status: 'published',
			version: 1,
			publishedBy: 'reviewer01',
			updatedBy: 'reviewer01',
			answerText: draftEntry().answerText
		});
		await eventually(async () => {
			await pull('agent01');
			const copied = await getPublishedEntry('agent01', entryId);
			return copied.ok && copied.value ? copied : undefined;
		});
		const found = await getPublishedEntry('agent01', entryId);
		expect(found.ok && found.value?.standardQuestion).toBe(draftEntry().standardQuestion);
		const listed = await listPublishedEntries('agent01', { text: '社保卡', limit: 10 }, null);
		expect(listed.ok && listed.value.map((item) => item.entryId)).toEqual([entryId]);
	});

	it('lets an editor neither write nor delete a publication, by PUT, DELETE or a forged branch', async () => {
		const before = await read<PublishedEntry>('editor01', publicationIdOf(entryId));
		const changed = { ...before, answerText: '编辑私自改的答案', answerHtml: '<p>编辑私自改的答案</p>' };
		const asEditor = as('editor01');
		expect((await asEditor(url(before._id), { method: 'PUT', body: JSON.stringify(changed) })).status).toBe(
			403
		);
		expect((await asEditor(`${url(before._id)}?rev=${before._rev}`, { method: 'DELETE' })).status).toBe(403);

		const forged = (doc: object) =>
			asEditor(`${test.syncUrl}/kb/_bulk_docs`, {
				method: 'POST',
				body: JSON.stringify({ new_edits: false, docs: [doc] })
			});
		const fakeRevision = { _rev: `9-${'f'.repeat(32)}`, _revisions: { start: 9, ids: ['f'.repeat(32)] } };
		for (const doc of [
			{ ...changed, ...fakeRevision },
			{ _id: before._id, _deleted: true, ...fakeRevision }
		]) {
			const response = await forged(doc);
			const results = (await response.json()) as Array<{ error?: string }>;
			expect(response.status === 403 || results[0]?.error === 'forbidden', JSON.stringify(results)).toBe(
				true
			);
		}
		expect(await readAsAgent<PublishedEntry>(before._id)).toEqual(before);
	});

	it('lets the reviewer take the entry off: agents’ publication says archived', async () => {
		await pull('reviewer01');
		const archived = await archiveEntry(reviewer, entryId, '政策废止');
		expect(archived.ok).toBe(true);
		expect(await push('reviewer01')).toEqual([]);
		expect(await readAsAgent<PublishedEntry>(publicationIdOf(entryId))).toMatchObject({
			status: 'archived',
			updatedBy: 'reviewer01'
		});
	});

	it('keeps agents’ publication whatever becomes of a forged draft of the entry', async () => {
		const publication = await readAsAgent<PublishedEntry>(publicationIdOf(entryId));
		const entry = await read<Entry>('editor01', entryId);
		// The embedded server judges such a branch against the current revision; Apache CouchDB cannot, and
		// accepts it as a new draft: either way the publication is untouched.
		await as('editor01')(`${test.syncUrl}/kb/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{
						...entry,
						status: 'draft',
						updatedBy: 'editor01',
						_rev: `9-${'e'.repeat(32)}`,
						_revisions: { start: 9, ids: ['e'.repeat(32)] }
					}
				]
			})
		});
		expect(await readAsAgent<PublishedEntry>(publication._id)).toEqual(publication);
		const lines: string[] = [];
		expect(await ensurePublications(couch(), (line) => lines.push(line))).toBe(0);
		expect(lines).toEqual([]);
		expect(await readAsAgent<PublishedEntry>(publication._id)).toEqual(publication);
	});
});

describe('setup fills in publications', () => {
	it('writes the missing publication of a published entry once, and nothing for a draft', async () => {
		const at = '2026-02-01T02:00:00.000Z';
		const published = draftEntry({
			_id: 'entry:from-before',
			status: 'published',
			publishedBy: 'reviewer01',
			publishedAt: at,
			updatedBy: 'editor02',
			updatedAt: '2026-02-03T02:00:00.000Z'
		});
		const draft = draftEntry({ _id: 'entry:draft-from-before' });
		await couch()
			.use('kb')
			.bulk({ docs: [published, draft] });

		const lines: string[] = [];
		expect(await ensurePublications(couch(), (line) => lines.push(line))).toBe(1);
		expect(lines).toHaveLength(1);
		const { _rev, ...written } = await readAsAgent<PublishedEntry>('publishedEntry:from-before');
		expect(_rev).toMatch(/^1-/);
		expect(written).toEqual(publicationOf(published));
		// The stamp of a publication setup writes is the last publishing, never an editor's later change.
		expect(written).toMatchObject({ updatedBy: 'reviewer01', updatedAt: at });
		expect((await as('reviewer01')(url('publishedEntry:draft-from-before'))).status).toBe(404);

		const again: string[] = [];
		expect(await ensurePublications(couch(), (line) => again.push(line))).toBe(0);
		expect(again).toEqual([]);
	});

	it('moves a publication on to a newer version only: a branch grown from an older revision undoes nothing', async () => {
		const kb = couch().use<object>('kb');
		const published = draftEntry({ _id: 'entry:two-versions', status: 'published', version: 2 });
		const version1 = {
			...publicationOf({ ...published, version: 1, answerText: '第一版' })!,
			updatedBy: 'reviewer01'
		};
		const archived = {
			...publicationOf({ ...published, _id: 'entry:taken-off' })!,
			status: 'archived' as const
		};
		await kb.bulk({ docs: [published, version1, { ...published, _id: 'entry:taken-off' }, archived] });

		expect(await ensurePublications(couch(), () => {})).toBe(1);
		expect(await readAsAgent<PublishedEntry>('publishedEntry:two-versions')).toMatchObject({
			version: 2,
			answerText: published.answerText
		});
		// The entry says published, its publication archived at the same version: only a reviewer's step
		// changes that, not setup (an editor's branch from before 下线 may have won on Apache CouchDB).
		expect(await readAsAgent<PublishedEntry>('publishedEntry:taken-off')).toMatchObject({
			status: 'archived'
		});
	});

	it('gives the demo knowledge its publications', async () => {
		await loadDemoKnowledge(couch(), () => {});
		const kb = couch().use<{ type?: string; status?: string }>('kb');
		const entries = await kb.list({ startkey: 'entry:', endkey: 'entry:\ufff0', include_docs: true });
		const published = entries.rows.filter((row) => row.doc?.status === 'published').map((row) => row.id);
		const publications = await kb.fetch({ keys: published.map(publicationIdOf) });
		expect(published.length).toBeGreaterThan(10);
		expect(publications.rows.every((row) => 'doc' in row && row.doc?.type === 'publishedEntry')).toBe(true);
		expect(await ensurePublications(couch(), () => {})).toBe(0);
	});
});
