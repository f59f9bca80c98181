// Three real servers on loopback: the province and two cities with servers of their own (海口, 三亚), set up
// by `npm run setup -- --sub-platform --upstream` and linked through relays a test can cut. What each city may
// hold reaches it, what it writes reaches the province and never the other city, a city cut off keeps
// working and catches up, and an edit made on both sides while cut off is kept as a conflict.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../../sync/config';
import { startAppServer, type RunningAppServer } from '../../sync/server/app-server';
import { cityNodeUserName, setUpCityNode } from '../../sync/setup/city-node';
import { cityDeskDatabaseName, cityPublishedDatabaseName } from '../../src/lib/db/catalog';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { AT, draftEntry, evaluation } from '../fixtures/documents';
import { startCuttableLink, type CuttableLink } from '../support/cuttable-link';
import { eventually } from '../support/eventually';
import { ADMIN, as, startTestServer, type TestServer } from '../support/test-server';

type Code = 'haikou' | 'sanya';
interface CityNode {
	server: RunningAppServer;
	link: CuttableLink;
	dataDir: string;
}

const REPLICATION_WAIT_MS = 60_000;
let province: TestServer;
const cities = {} as Record<Code, CityNode>;

const basic = (name: string, password: string) => ({
	authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`,
	'content-type': 'application/json'
});
const serverAdmin = basic(ADMIN.name, ADMIN.password);

async function put(syncUrl: string, database: string, doc: { _id: string }, headers = serverAdmin) {
	const response = await fetch(`${syncUrl}/${database}/${encodeURIComponent(doc._id)}`, {
		method: 'PUT',
		headers,
		body: JSON.stringify(doc)
	});
	return { status: response.status, body: (await response.json()) as { rev?: string; reason?: string } };
}

async function read(syncUrl: string, database: string, id: string, query = '') {
	const response = await fetch(`${syncUrl}/${database}/${encodeURIComponent(id)}${query}`, {
		headers: serverAdmin
	});
	return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

const provinceUrl = () => province.syncUrl;
const cityUrl = (code: Code) => cities[code].server.syncUrl;

function published(id: string, subPlatform?: string) {
	const entry = {
		...draftEntry({ _id: `entry:${id}`, ...(subPlatform ? { subPlatform } : {}) }),
		status: 'published' as const,
		publishedAt: AT,
		publishedBy: 'reviewer01'
	};
	return { entry, publication: publicationOf(entry)! };
}

async function writeAll(syncUrl: string, database: string, docs: Array<{ _id: string }>) {
	for (const doc of docs) expect((await put(syncUrl, database, doc)).status).toBe(201);
}

/** Waits long enough for a running replication to have carried a document, to show it did not. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

beforeAll(async () => {
	province = await startTestServer();
	for (const code of ['haikou', 'sanya'] as const) {
		const dataDir = mkdtempSync(path.join(os.tmpdir(), `hotline-city-${code}-`));
		const server = await startAppServer({ host: '127.0.0.1', port: 0, dataDir, admin: ADMIN });
		const link = await startCuttableLink(province.adminSyncUrl);
		await setUpCityNode({
			url: adminUrl(server.syncUrl, ADMIN),
			subPlatform: code,
			upstream: link.url
		});
		cities[code] = { server, link, dataDir };
	}
}, 180_000);

afterAll(async () => {
	for (const city of Object.values(cities)) {
		await city.server.close();
		await city.link.close();
		rmSync(city.dataDir, { recursive: true, force: true });
	}
	await province?.stop();
});

describe('a city with its own server', () => {
	it('receives what the province publishes, the list and the templates', async () => {
		const { entry, publication } = published('province-news');
		await writeAll(provinceUrl(), 'kb', [entry, publication]);
		for (const code of ['haikou', 'sanya'] as const) {
			// Its agents read the province's publications from its own pub.
			await eventually(() => read(cityUrl(code), 'pub', publication._id), REPLICATION_WAIT_MS);
			expect(await read(cityUrl(code), 'kb', 'subPlatform:haikou')).toBeDefined();
			expect(await read(cityUrl(code), 'kb', 'template:faq')).toBeDefined();
			// The province's entry documents (drafts, history) never leave it.
			expect(await read(cityUrl(code), 'kb', entry._id)).toBeUndefined();
		}
	});

	it('sends its own entries to the province, never to the other city', async () => {
		const { entry, publication } = published('haikou-own', 'haikou');
		await writeAll(cityUrl('haikou'), 'kb', [entry, publication]);
		// 海口's own agents see it at once, from their city's server.
		await eventually(
			() => read(cityUrl('haikou'), cityPublishedDatabaseName('haikou'), publication._id),
			REPLICATION_WAIT_MS
		);
		await eventually(() => read(provinceUrl(), 'kb', entry._id), REPLICATION_WAIT_MS);
		// 海口's agents who sync with the province get it there too.
		await eventually(
			() => read(provinceUrl(), cityPublishedDatabaseName('haikou'), publication._id),
			REPLICATION_WAIT_MS
		);
		await settle();
		expect(await read(provinceUrl(), 'pub', publication._id)).toBeUndefined();
		expect(await read(provinceUrl(), cityDeskDatabaseName('sanya'), entry._id)).toBeUndefined();
		expect(await read(cityUrl('sanya'), 'kb', entry._id)).toBeUndefined();
		expect(await read(cityUrl('sanya'), 'pub', publication._id)).toBeUndefined();
	});

	it('keeps working while cut off for a while, and both sides catch up when the link returns', async () => {
		cities.haikou.link.cut();
		const local = published('haikou-while-cut', 'haikou');
		await writeAll(cityUrl('haikou'), 'kb', [local.entry, local.publication]);
		const provincial = published('province-while-cut');
		await writeAll(provinceUrl(), 'kb', [provincial.entry, provincial.publication]);
		await eventually(
			() => read(cityUrl('haikou'), cityPublishedDatabaseName('haikou'), local.publication._id),
			REPLICATION_WAIT_MS
		);
		await eventually(() => read(cityUrl('sanya'), 'pub', provincial.publication._id), REPLICATION_WAIT_MS);
		await settle();
		expect(await read(provinceUrl(), 'kb', local.entry._id)).toBeUndefined();
		expect(await read(cityUrl('haikou'), 'pub', provincial.publication._id)).toBeUndefined();

		cities.haikou.link.restore();
		await eventually(() => read(provinceUrl(), 'kb', local.entry._id), REPLICATION_WAIT_MS);
		await eventually(() => read(cityUrl('haikou'), 'pub', provincial.publication._id), REPLICATION_WAIT_MS);
	}, 150_000);

	it('keeps both revisions of an entry edited on both sides while cut off, as a conflict', async () => {
		const { entry } = published('haikou-contested', 'haikou');
		const created = await put(cityUrl('haikou'), 'kb', entry);
		expect(created.status).toBe(201);
		const atProvince = await eventually(() => read(provinceUrl(), 'kb', entry._id), REPLICATION_WAIT_MS);
		expect(atProvince._rev).toBe(created.body.rev);

		cities.haikou.link.cut();
		const provinceEdit = await put(provinceUrl(), 'kb', {
			...entry,
			_rev: created.body.rev,
			answerText: '省平台改的答案'
		} as { _id: string });
		const cityEdit = await put(cityUrl('haikou'), 'kb', {
			...entry,
			_rev: created.body.rev,
			answerText: '海口改的答案'
		} as { _id: string });
		expect([provinceEdit.status, cityEdit.status]).toEqual([201, 201]);
		cities.haikou.link.restore();

		const bothRevisions = [provinceEdit.body.rev, cityEdit.body.rev].sort();
		for (const url of [provinceUrl(), cityUrl('haikou')]) {
			const contested = await eventually(async () => {
				const doc = await read(url, 'kb', entry._id, '?conflicts=true');
				return (doc?._conflicts as string[] | undefined)?.length ? doc : undefined;
			}, REPLICATION_WAIT_MS);
			expect([contested._rev as string, ...(contested._conflicts as string[])].sort()).toEqual(bothRevisions);
			for (const rev of bothRevisions)
				expect(await read(url, 'kb', entry._id, `?rev=${rev}`)).toMatchObject({ _id: entry._id });
		}
	}, 150_000);

	it('sends its calls up for the province’s inspectors, and their results back', async () => {
		const recording = {
			_id: 'recording:hk-call-1',
			type: 'recording',
			subPlatform: 'haikou',
			callId: 'hk-call-1',
			agentName: 'agent03',
			agentDisplayName: '王话务（海口）',
			startedAt: AT,
			durationSeconds: 95,
			direction: 'inbound',
			businessType: '社保',
			channels: 2,
			hotline: '12345',
			audio: { fileName: 'hk-call-1.ogg', contentType: 'audio/ogg', byteLength: 10 },
			hasTranscript: false,
			importedBy: 'inspector02',
			importedAt: AT
		};
		await writeAll(cityUrl('haikou'), 'qa', [recording]);
		await eventually(() => read(provinceUrl(), 'qa', recording._id), REPLICATION_WAIT_MS);
		const result = evaluation({
			_id: 'evaluation:hk-call-1.inspector01',
			recordingId: recording._id,
			agentName: 'agent03',
			subPlatform: 'haikou'
		});
		await writeAll(provinceUrl(), 'qa', [result]);
		await eventually(() => read(cityUrl('haikou'), 'qa', result._id), REPLICATION_WAIT_MS);
		await settle();
		expect(await read(cityUrl('sanya'), 'qa', recording._id)).toBeUndefined();
	});

	it('sends its agents’ reports and search logs up, and the editors’ handling back', async () => {
		const miss = {
			_id: 'searchMiss:hk-1:agent03',
			type: 'searchMiss',
			subPlatform: 'haikou',
			text: '海口公交卡退卡',
			createdBy: 'agent03',
			createdAt: AT,
			status: 'open'
		};
		const log = {
			_id: 'searchLog:hk-1:agent03',
			type: 'searchLog',
			subPlatform: 'haikou',
			query: '海口公交卡',
			createdBy: 'agent03',
			resultCount: 0,
			createdAt: AT
		};
		const missWritten = await put(cityUrl('haikou'), 'feedback', miss);
		expect(missWritten.status, JSON.stringify(missWritten.body)).toBe(201);
		const logWritten = await put(cityUrl('haikou'), 'searchlog', log);
		expect(logWritten.status, JSON.stringify(logWritten.body)).toBe(201);
		const arrived = await eventually(() => read(provinceUrl(), 'feedback', miss._id), REPLICATION_WAIT_MS);
		await eventually(() => read(provinceUrl(), 'searchlog', log._id), REPLICATION_WAIT_MS);
		const handled = await put(provinceUrl(), 'feedback', {
			...(arrived as { _id: string }),
			status: 'closed',
			updatedBy: 'editor01',
			updatedAt: '2026-03-02T08:00:00.000Z'
		} as { _id: string });
		expect(handled.status).toBe(201);
		await eventually(async () => {
			const back = await read(cityUrl('haikou'), 'feedback', miss._id);
			return back?._rev === handled.body.rev ? back : undefined;
		}, REPLICATION_WAIT_MS);
		expect(await read(cityUrl('sanya'), 'feedback', miss._id)).toBeUndefined();
	});
});

describe('the province refuses a city’s server anything but its city’s documents', () => {
	async function nodeCredentials() {
		const job = await read(cityUrl('haikou'), '_replicator', 'upstream-haikou-knowledge-out');
		const target = new URL(job!.target as string);
		expect(decodeURIComponent(target.username)).toBe(cityNodeUserName('haikou'));
		return basic(decodeURIComponent(target.username), decodeURIComponent(target.password));
	}

	it('reads only 海口’s databases', async () => {
		const node = await nodeCredentials();
		for (const database of ['kb', 'feedback', 'searchlog', 'qa', 'qa-audio', cityDeskDatabaseName('sanya')]) {
			const response = await fetch(`${provinceUrl()}/${database}/_all_docs`, { headers: node });
			expect(response.status, database).toBe(403);
		}
		const own = await fetch(`${provinceUrl()}/${cityDeskDatabaseName('haikou')}/_all_docs`, {
			headers: node
		});
		expect(own.status).toBe(200);
	});

	it('writes nothing of the province’s or 三亚’s, by PUT or as a replicated write', async () => {
		const node = await nodeCredentials();
		const desk = cityDeskDatabaseName('haikou');
		const provincial = published('node-forged-province').publication;
		const sanya = draftEntry({ _id: 'entry:node-forged-sanya', subPlatform: 'sanya' });
		for (const doc of [provincial, sanya])
			expect((await put(provinceUrl(), desk, doc, node)).status, doc._id).toBe(403);
		const replicated = await fetch(`${provinceUrl()}/${desk}/_bulk_docs`, {
			method: 'POST',
			headers: node,
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{ ...provincial, _rev: '1-abcdef' },
					{ ...sanya, _rev: '1-abcdef' }
				]
			})
		});
		const rows = (await replicated.json()) as Array<{ error?: string }>;
		expect(rows.map((row) => row.error)).toEqual(['forbidden', 'forbidden']);
		const design = await fetch(`${provinceUrl()}/${desk}/_design/evil`, {
			method: 'PUT',
			headers: node,
			body: JSON.stringify({ validate_doc_update: 'function () {}' })
		});
		expect(design.status).toBe(403);
		const local = await fetch(`${provinceUrl()}/kb/_local/evil`, {
			method: 'PUT',
			headers: node,
			body: JSON.stringify({ seq: 1 })
		});
		expect(local.status).toBe(403);
	});

	it('is not an account any person signs in with for the province’s data', async () => {
		const signedIn = await as(null)(`${provinceUrl()}/${cityDeskDatabaseName('haikou')}/_all_docs`);
		expect(signedIn.status).toBe(401);
	});
});
