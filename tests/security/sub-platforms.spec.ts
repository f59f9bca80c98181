// 分平台 on the real server: a city's publications reach its own pub-<code> and no other audience; its agents
// read province and city entries, never another city's, by any route; city staff write their city only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFeedbackDatabaseName, cityPublishedDatabaseName } from '../../src/lib/db/catalog';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { AT, draftEntry } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { ADMIN, as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const haikou = cityPublishedDatabaseName('haikou');
const sanya = cityPublishedDatabaseName('sanya');

async function readDoc(user: string, database: string, id: string) {
	const response = await as(user)(`${test.syncUrl}/${database}/${encodeURIComponent(id)}`);
	return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

const serverAdmin = {
	authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`
};

async function adminPut(database: string, doc: { _id: string }) {
	const response = await fetch(`${test.syncUrl}/${database}/${encodeURIComponent(doc._id)}`, {
		method: 'PUT',
		headers: { ...serverAdmin, 'content-type': 'application/json' },
		body: JSON.stringify(doc)
	});
	expect(response.status, await response.clone().text()).toBe(201);
	return ((await response.json()) as { rev: string }).rev;
}

const published = (id: string, subPlatform?: string) => {
	const entry = {
		...draftEntry({ _id: `entry:${id}`, ...(subPlatform ? { subPlatform } : {}) }),
		status: 'published' as const,
		publishedAt: AT,
		publishedBy: 'reviewer01'
	};
	return { entry, publication: publicationOf(entry)! };
};

describe('a city’s publications', () => {
	it('reach that city’s agents alone; the province’s reach everyone', async () => {
		const city = published('haikou-only', 'haikou');
		const province = published('province-wide');
		for (const { entry, publication } of [city, province]) {
			await adminPut('kb', entry);
			await adminPut('kb', publication);
		}
		await eventually(() => readDoc('agent03', haikou, city.publication._id));
		await eventually(() => readDoc('agent01', 'pub', province.publication._id));
		// The copies are made; the city's never went to pub or to another city.
		expect(await readDoc('admin01', 'pub', city.publication._id)).toBeUndefined();
		const sanyaCopy = await fetch(`${test.syncUrl}/${sanya}/${encodeURIComponent(city.publication._id)}`, {
			headers: serverAdmin
		});
		expect(sanyaCopy.status).toBe(404);
		expect((await fetch(`${test.syncUrl}/${sanya}`, { headers: serverAdmin })).status).toBe(200);
	});

	it.each([
		['agent04', haikou],
		['agent01', haikou],
		['editor03', sanya]
	])('%s is refused %s by every route', async (user, database) => {
		for (const [method, route, body] of [
			['GET', `/${database}`],
			['GET', `/${database}/_all_docs?include_docs=true`],
			['GET', `/${database}/_changes?include_docs=true`],
			['POST', `/${database}/_bulk_get`, { docs: [{ id: 'publishedEntry:haikou-only' }] }],
			['POST', `/${database}/_find`, { selector: {} }],
			['GET', `/${database}/publishedEntry%3Ahaikou-only`]
		] as Array<[string, string, unknown?]>) {
			const response = await as(user)(`${test.syncUrl}${route}`, {
				method,
				...(body === undefined ? {} : { body: JSON.stringify(body) })
			});
			expect(response.status, `${method} ${route}`).toBe(403);
		}
	});
});

describe('city staff write their city only, by every way in', () => {
	it('an editor of 海口 may not edit a province entry, nor publish into pub', async () => {
		const province = draftEntry({ _id: 'entry:province-draft' });
		const rev = await adminPut('kb', province);
		const edited = { ...province, _rev: rev, answerText: '海口改了全省的', updatedBy: 'editor03' };
		const put = await as('editor03')(`${test.syncUrl}/kb/${encodeURIComponent(province._id)}`, {
			method: 'PUT',
			body: JSON.stringify(edited)
		});
		expect(put.status).toBe(403);
		const forged = await as('editor03')(`${test.syncUrl}/kb/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{ ...edited, _rev: '2-f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0', _revisions: undefined },
					{ ...published('forged-province').publication, updatedBy: 'editor03', _rev: '1-abcdef' }
				]
			})
		});
		const rows = (await forged.json()) as Array<{ error?: string }>;
		expect(rows.map((row) => row.error)).toEqual(['forbidden', 'forbidden']);
		expect((await readDoc('admin01', 'kb', province._id))?._rev).toBe(rev);
	});

	it('an editor of 海口 drafts a 海口 entry', async () => {
		const own = draftEntry({
			_id: 'entry:haikou-draft',
			subPlatform: 'haikou',
			createdBy: 'editor03',
			updatedBy: 'editor03',
			history: [{ action: 'create', by: 'editor03', at: AT }]
		});
		const put = await as('editor03')(`${test.syncUrl}/kb/${encodeURIComponent(own._id)}`, {
			method: 'PUT',
			body: JSON.stringify(own)
		});
		expect(put.status).toBe(201);
	});
});

describe('who sets a sub-platform, on the server', () => {
	const listed = (updatedBy: string) => ({
		_id: 'subPlatform:yangpu',
		type: 'subPlatform',
		code: 'yangpu',
		name: '洋浦经济开发区',
		order: 19,
		updatedBy,
		updatedAt: AT
	});

	it.each(['editor01', 'editor03', 'reviewer01', 'supervisor01', 'inspector01', 'agent03'])(
		'%s may not add to the list, by PUT or as a replicated write',
		async (user) => {
			const put = await as(user)(`${test.syncUrl}/kb/subPlatform%3Ayangpu`, {
				method: 'PUT',
				body: JSON.stringify(listed(user))
			});
			expect(put.status).toBe(403);
			const replicated = await as(user)(`${test.syncUrl}/kb/_bulk_docs`, {
				method: 'POST',
				body: JSON.stringify({ new_edits: false, docs: [{ ...listed(user), _rev: '1-0f0f' }] })
			});
			const rows = replicated.ok ? ((await replicated.json()) as Array<{ error?: string }>) : null;
			expect(rows === null || rows.every((row) => row.error === 'forbidden')).toBe(true);
		}
	);

	it('an admin adds to the list', async () => {
		const put = await as('admin01')(`${test.syncUrl}/kb/subPlatform%3Ayangpu`, {
			method: 'PUT',
			body: JSON.stringify(listed('admin01'))
		});
		expect(put.status).toBe(201);
	});

	it('an agent may not move their own profile to another city', async () => {
		const profile = await readDoc('admin01', 'kb', 'profile:agent03');
		expect(profile?.subPlatform).toBe('haikou');
		const moved = await as('agent03')(`${test.syncUrl}/kb/profile%3Aagent03`, {
			method: 'PUT',
			body: JSON.stringify({ ...profile, subPlatform: 'sanya' })
		});
		expect(moved.status).toBe(403);
	});

	it('an agent may not log a search for another city', async () => {
		const own = agentFeedbackDatabaseName('agent03');
		const log = (subPlatform: string, n: number) => ({
			_id: `searchLog:20261205T05000000${n}Z-0a0b0c0d:agent03`,
			type: 'searchLog',
			subPlatform,
			query: '电动车上牌',
			resultCount: 0,
			createdBy: 'agent03',
			createdAt: AT
		});
		const put = (doc: { _id: string }) =>
			as('agent03')(`${test.syncUrl}/${own}/${encodeURIComponent(doc._id)}`, {
				method: 'PUT',
				body: JSON.stringify(doc)
			});
		expect((await put(log('haikou', 1))).status).toBe(201);
		expect((await put(log('sanya', 2))).status).toBe(403);
	});
});
