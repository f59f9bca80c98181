// The search index the server ships (searchindex/searchIndex:pub), through the real embedded server: built
// from pub by the job, read by every role with its session, written by the server admin alone however the
// write is dressed up; a browser seeded from it answers as one that indexed pub itself.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_DB } from '../../src/lib/db/catalog';
import {
	MemorySearchIndexStorage,
	SearchIndexKeeper,
	type IndexChange
} from '../../src/lib/search/search-index-store';
import { fetchShippedIndex, shippedIndexId } from '../../src/lib/search/shipped-index';
import { loadDemoKnowledge } from '../../sync/setup/demo-knowledge';
import { publishSearchIndex } from '../../sync/search-index/publish-search-index';
import { eventually } from '../support/eventually';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const couch = () => nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
type Doc = { _id: string; _rev: string; type?: string; status?: string };
let pubDocs: Doc[] = [];

beforeAll(async () => {
	test = await startTestServer();
	await loadDemoKnowledge(couch(), () => {});
	const kb = couch().use<Doc & { subPlatform?: string }>('kb');
	const publications = await kb.list({
		startkey: 'publishedEntry:',
		endkey: 'publishedEntry:\ufff0',
		include_docs: true
	});
	// The province's publications; a city's go to its pub-<code>.
	const province = publications.rows.filter((row) => row.doc && !row.doc.subPlatform).length;
	// The server's standing replication copies them into pub.
	await eventually(async () => {
		const pub = await couch().use<Doc>('pub').list({ include_docs: true });
		pubDocs = pub.rows.flatMap((row) => (row.doc && !row.id.startsWith('_design/') ? [row.doc] : []));
		const copied = pubDocs.filter((doc) => doc.type === 'publishedEntry').length;
		return copied >= province && province > 10 ? copied : undefined;
	}, 30_000);
}, 60_000);
afterAll(async () => {
	await test?.stop();
});

const indexUrl = () => `${test.syncUrl}/${SEARCH_INDEX_DB}`;
const put = (doc: Doc): IndexChange => ({ id: doc._id, deleted: false, doc: doc as IndexChange['doc'] });
const top = (keeper: SearchIndexKeeper, query: string) =>
	keeper.engine.search(query, { limit: 5 }).map((hit) => hit.id);

describe('the shipped search index', () => {
	it('is built from pub once, and again only when pub changes', async () => {
		const built = await publishSearchIndex(couch());
		expect(built.built).toBe(true);
		expect(built.entries).toBe(pubDocs.filter((doc) => doc.type === 'publishedEntry').length);
		expect(built.bytes).toBeGreaterThan(0);
		expect((await publishSearchIndex(couch())).built).toBe(false);
	});

	it('seeds an agent’s empty index, which answers as one built from pub, and skips the copy', async () => {
		const shipped = await fetchShippedIndex(indexUrl(), 'pub', as('agent01') as typeof fetch);
		expect(shipped).not.toBeNull();
		const seeded = new SearchIndexKeeper('agent01$kb', new MemorySearchIndexStorage());
		await seeded.open();
		expect(seeded.seed(shipped!)).toBe(true);
		const built = new SearchIndexKeeper('local', new MemorySearchIndexStorage());
		await built.open();
		built.apply(pubDocs.map(put), pubDocs.length);
		for (const query of ['社保卡丢了怎么补办', '居住证怎么办', '12333', '公积金提取'])
			expect(top(seeded, query), query).toEqual(top(built, query));
		// The copy brings the same revisions: nothing to index again.
		expect(seeded.apply(pubDocs.map(put), pubDocs.length)).toBe(0);
		expect(seeded.settleShipped()).toBe(0);
	});

	it('is read by every role, never anonymously', async () => {
		for (const user of ['agent01', 'inspector01', 'supervisor01', 'editor01', 'reviewer01', 'admin01'])
			expect(await fetchShippedIndex(indexUrl(), 'pub', as(user) as typeof fetch), user).not.toBeNull();
		expect(await fetchShippedIndex(indexUrl(), 'pub', as(null) as typeof fetch)).toBeNull();
		expect((await as(null)(`${indexUrl()}/_all_docs`)).status).toBe(401);
	});

	it.each(['agent01', 'editor01', 'reviewer01', 'inspector01', 'supervisor01', 'admin01'])(
		'%s may not write it, replicate one in, attach to it or change its design',
		async (user) => {
			const id = shippedIndexId('pub');
			const current = (await (await as('agent01')(`${indexUrl()}/${encodeURIComponent(id)}`)).json()) as Doc;
			const forged = { ...current, entries: 1 };
			const write = await as(user)(`${indexUrl()}/${encodeURIComponent(id)}`, {
				method: 'PUT',
				body: JSON.stringify(forged)
			});
			expect(write.status, 'PUT').toBe(403);
			const replicated = await as(user)(`${indexUrl()}/_bulk_docs`, {
				method: 'POST',
				body: JSON.stringify({
					new_edits: false,
					docs: [
						{ ...forged, _rev: '99-forged' },
						{ ...forged, _id: 'searchIndex:pub-haikou', _rev: '1-x' }
					]
				})
			});
			const answer = replicated.ok ? ((await replicated.json()) as Array<{ error?: string }>) : null;
			expect(answer === null || answer.every((row) => row.error === 'forbidden')).toBe(true);
			const attachment = await as(user)(
				`${indexUrl()}/${encodeURIComponent(id)}/index.bin?rev=${current._rev}`,
				{ method: 'PUT', body: 'forged', headers: { 'content-type': 'application/octet-stream' } }
			);
			expect(attachment.status, 'attachment').toBe(403);
			const design = await as(user)(`${indexUrl()}/_design/app`, {
				method: 'PUT',
				body: JSON.stringify({ validate_doc_update: 'function () {}' })
			});
			expect(design.status, 'design document').toBe(403);
			// A _local document is never read as the index: the browser asks for searchIndex:pub.
			await as(user)(`${indexUrl()}/_local/${encodeURIComponent(id)}`, {
				method: 'PUT',
				body: JSON.stringify({ entries: 1 })
			});
			const after = (await (await as('agent01')(`${indexUrl()}/${encodeURIComponent(id)}`)).json()) as Doc & {
				entries: number;
			};
			expect(after._rev).toBe(current._rev);
			expect(after.entries).toBeGreaterThan(1);
		}
	);
});
