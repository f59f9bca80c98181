// While a browser's first copy runs, two screens read the server instead of the incomplete local copy: the
// editors' 知识库管理 list (kb's changes read backwards with the list's selector) and the agents' results the
// shipped index finds before their publications have arrived. Through the real embedded server, with the
// user's own credentials; the local copies here are empty, as at the start of a first copy.
import nano from 'nano';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDatabase } from '../../src/lib/db/local-databases';
import { getPublishedEntriesInOrder } from '../../src/lib/knowledge/published-entry.service';
import { listEntries } from '../../src/lib/knowledge/entry.service';
import { loadDemoKnowledge } from '../../sync/setup/demo-knowledge';
import { draftEntry } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { as, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

PouchDB.plugin(memoryAdapter);

const server = vi.hoisted(() => ({ syncUrl: '', browsers: new Map<string, unknown>() }));
vi.mock('$lib/session/session.service', () => ({ syncBaseUrl: () => server.syncUrl }));
vi.mock('$lib/db/local-databases', () => ({
	openLocalDatabase: (userName: string) => server.browsers.get(userName)
}));

let test: TestServer;
type Doc = { _id: string; type?: string; status?: string; updatedAt?: string; subPlatform?: string };

beforeAll(async () => {
	test = await startTestServer();
	server.syncUrl = test.syncUrl;
	for (const user of ['editor01', 'agent01'])
		server.browsers.set(
			user,
			new PouchDB(`${user}-${Math.random()}`, { adapter: 'memory' }) as LocalDatabase
		);
	await loadDemoKnowledge(
		nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]),
		() => {}
	);
}, 60_000);
afterAll(async () => {
	vi.unstubAllGlobals();
	await test?.stop();
});

const realFetch = globalThis.fetch;
/** The browser's session: the app's requests go out as this user. */
const signedInAs = (user: string) =>
	vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
		const headers = new Headers(init.headers);
		headers.set('authorization', `Basic ${Buffer.from(`${user}:${DEMO_PASSWORD}`).toString('base64')}`);
		return realFetch(url, { ...init, headers });
	});

async function serverDocs(user: string, database: string): Promise<Doc[]> {
	const answer = (await (
		await as(user)(`${test.syncUrl}/${database}/_all_docs?include_docs=true`)
	).json()) as {
		rows: Array<{ doc?: Doc }>;
	};
	return answer.rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

describe('reading the server while the first copy runs', () => {
	it('lists the editors’ entries from kb, filtered as asked, though none is in the browser yet', async () => {
		signedInAs('editor01');
		const local = await listEntries('editor01', { limit: 5 });
		expect(local.ok && local.value).toEqual([]);
		for (const id of ['entry:list-draft-1', 'entry:list-draft-2']) {
			const written = await as('editor01')(`${test.syncUrl}/kb/${encodeURIComponent(id)}`, {
				method: 'PUT',
				body: JSON.stringify(draftEntry({ _id: id, standardQuestion: `草稿 ${id}` }))
			});
			expect(written.status).toBe(201);
		}
		const listed = await listEntries('editor01', { status: 'draft', limit: 50 }, true);
		if (!listed.ok) throw new Error(listed.error);
		// Newest first, as the local list.
		expect(listed.value.map((entry) => entry._id)).toEqual(['entry:list-draft-2', 'entry:list-draft-1']);
		const text = await listEntries('editor01', { text: 'list-draft-1', limit: 50 }, true);
		expect(text.ok && text.value.map((entry) => entry._id)).toEqual(['entry:list-draft-1']);
		const newest = await listEntries('editor01', { limit: 3 }, true);
		expect(newest.ok && newest.value).toHaveLength(3);
	});

	it('refuses the list to an agent, who is no member of kb: the browser’s own copy answers', async () => {
		signedInAs('agent01');
		const listed = await listEntries('agent01', { limit: 5 }, true);
		expect(listed.ok && listed.value).toEqual([]);
	});

	it('reads the agents’ results from pub when the browser does not hold them yet, in the hits’ order', async () => {
		signedInAs('agent01');
		const publications = await eventually(async () => {
			const docs = (await serverDocs('agent01', 'pub')).filter((doc) => doc.type === 'publishedEntry');
			return docs.length > 10 ? docs : undefined;
		});
		const ids = publications.slice(0, 3).map((doc) => (doc as unknown as { entryId: string }).entryId);
		const wanted = [ids[2]!, 'entry:not-there', ids[0]!, ids[1]!];
		const offline = await getPublishedEntriesInOrder('agent01', wanted);
		expect(offline.ok && offline.value).toEqual([]);
		const found = await getPublishedEntriesInOrder('agent01', wanted, true);
		expect(found.ok && found.value.map((entry) => entry.entryId)).toEqual([ids[2], ids[0], ids[1]]);
	});
});
