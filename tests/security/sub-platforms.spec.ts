// 分平台 on the real server: a city's publications reach its own pub-<code> and no other audience; its agents
// read province and city entries, never another city's, by any route; city staff write their city only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	agentFeedbackDatabaseName,
	cityAudioDatabaseName,
	cityDeskDatabaseName,
	cityPublishedDatabaseName,
	cityQaDatabaseName
} from '../../src/lib/db/catalog';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { defaultScorecards } from '../../src/lib/qa/scorecards/default-scorecards';
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

describe('city staff work on their city’s desk, never kb', () => {
	const desk = cityDeskDatabaseName('haikou');

	it.each(['editor03', 'reviewer02', 'inspector02', 'agent03'])(
		'%s may not read kb, where every city’s drafts are, by any route',
		async (user) => {
			const read = as(user);
			const routes = [
				read(`${test.syncUrl}/kb/_all_docs`),
				read(`${test.syncUrl}/kb/_changes`),
				read(`${test.syncUrl}/kb/entry%3Asanya-draft`),
				read(`${test.syncUrl}/kb/_find`, { method: 'POST', body: JSON.stringify({ selector: {} }) }),
				read(`${test.syncUrl}/kb/_bulk_get`, {
					method: 'POST',
					body: JSON.stringify({ docs: [{ id: 'entry:sanya-draft' }] })
				}),
				read(`${test.syncUrl}/kb/_design/app/_view/entries-by-status`)
			];
			for (const response of await Promise.all(routes)) expect(response.status).toBe(403);
		}
	);

	it.each(['editor03', 'reviewer02', 'inspector02', 'agent03', 'agent04', 'editor01'])(
		'%s may not read another city’s desk or calls, nor the province’s calls',
		async (user) => {
			for (const database of [
				cityDeskDatabaseName('sanya'),
				cityQaDatabaseName('sanya'),
				cityAudioDatabaseName('sanya'),
				...(user === 'editor01' ? [] : ['qa', 'qa-audio'])
			]) {
				const response = await as(user)(`${test.syncUrl}/${database}/_all_docs`);
				expect(response.status, `${user} ${database}`).toBe(403);
			}
		}
	);

	it('the desk holds 海口’s documents and the province’s reference data; publications are read from pub', async () => {
		await adminPut('kb', draftEntry({ _id: 'entry:sanya-draft', subPlatform: 'sanya' }));
		await adminPut('kb', draftEntry({ _id: 'entry:province-only-draft' }));
		const province = published('desk-province');
		await adminPut('kb', province.entry);
		await adminPut('kb', province.publication);
		await adminPut('kb', draftEntry({ _id: 'entry:haikou-from-province', subPlatform: 'haikou' }));
		await eventually(() => readDoc('editor03', desk, 'entry:haikou-from-province'));
		await eventually(() => readDoc('editor03', 'pub', province.publication._id));
		expect(await readDoc('editor03', desk, 'template:faq')).toBeDefined();
		const listed = (await (await as('editor03')(`${test.syncUrl}/${desk}/_all_docs`)).json()) as {
			rows: Array<{ id: string }>;
		};
		const ids = listed.rows.map((row) => row.id);
		expect(ids).not.toContain('entry:sanya-draft');
		expect(ids).not.toContain('entry:province-only-draft');
		expect(ids).not.toContain(province.entry._id);
		expect(ids).not.toContain(province.publication._id);
	});

	it('an editor of 海口 drafts a 海口 entry on the desk; it reaches kb, never 三亚', async () => {
		const own = draftEntry({
			_id: 'entry:haikou-draft',
			subPlatform: 'haikou',
			createdBy: 'editor03',
			updatedBy: 'editor03',
			history: [{ action: 'create', by: 'editor03', at: AT }]
		});
		const put = await as('editor03')(`${test.syncUrl}/${desk}/${encodeURIComponent(own._id)}`, {
			method: 'PUT',
			body: JSON.stringify(own)
		});
		expect(put.status).toBe(201);
		await eventually(() => readDoc('editor01', 'kb', own._id));
		expect(await readDoc('admin01', cityDeskDatabaseName('sanya'), own._id)).toBeUndefined();
	});

	it('an editor of 海口 may not change a province publication on the desk, by any write', async () => {
		const province = published('desk-guarded');
		await adminPut('kb', province.entry);
		const rev = await adminPut('kb', province.publication);
		await eventually(() => readDoc('editor03', 'pub', province.publication._id));
		const edited = {
			...province.publication,
			_rev: rev,
			answerHtml: '<p>海口改了全省的</p>',
			updatedBy: 'editor03'
		};
		for (const database of [desk, 'pub']) {
			const put = await as('reviewer02')(`${test.syncUrl}/${database}/${encodeURIComponent(edited._id)}`, {
				method: 'PUT',
				body: JSON.stringify({ ...edited, updatedBy: 'reviewer02' })
			});
			expect(put.status, database).toBe(403);
		}
		const forged = await as('editor03')(`${test.syncUrl}/${desk}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{ ...edited, _rev: '2-f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0' },
					{ ...published('forged-province').publication, updatedBy: 'editor03', _rev: '1-abcdef' },
					{ ...draftEntry({ _id: 'entry:forged-sanya', subPlatform: 'sanya' }), _rev: '1-abcdef' }
				]
			})
		});
		const rows = (await forged.json()) as Array<{ error?: string }>;
		expect(rows.map((row) => row.error)).toEqual(['forbidden', 'forbidden', 'forbidden']);
		expect((await readDoc('admin01', 'kb', province.publication._id))?._rev).toBe(rev);
	});

	it('an inspector of 海口 writes 海口’s calls only', async () => {
		const calls = cityQaDatabaseName('haikou');
		const recording = (id: string, subPlatform: string) => ({
			_id: `recording:${id}`,
			type: 'recording',
			subPlatform,
			callId: id,
			agentName: 'agent03',
			agentDisplayName: '王话务（海口）',
			startedAt: AT,
			durationSeconds: 60,
			direction: 'inbound',
			businessType: '社保',
			channels: 2,
			hotline: '12345',
			audio: { fileName: `${id}.ogg`, contentType: 'audio/ogg', byteLength: 10 },
			hasTranscript: false,
			importedBy: 'inspector02',
			importedAt: AT
		});
		const other = await as('inspector02')(`${test.syncUrl}/${calls}/recording%3Ahk-sanya`, {
			method: 'PUT',
			body: JSON.stringify(recording('hk-sanya', 'sanya'))
		});
		expect(other.status).toBe(403);
		const own = await as('inspector02')(`${test.syncUrl}/${calls}/recording%3Ahk-own`, {
			method: 'PUT',
			body: JSON.stringify(recording('hk-own', 'haikou'))
		});
		expect(own.status, await own.clone().text()).toBe(201);
		await eventually(() => readDoc('inspector01', 'qa', 'recording:hk-own'));
		// Scorecards are the province's: refused to city staff, as a PUT and as a replicated write.
		const scorecard = {
			...defaultScorecards[0]!,
			_id: 'scorecard:haikou-own',
			updatedBy: 'inspector02',
			updatedAt: AT
		};
		const card = await as('inspector02')(`${test.syncUrl}/${calls}/scorecard%3Ahaikou-own`, {
			method: 'PUT',
			body: JSON.stringify(scorecard)
		});
		expect(card.status).toBe(403);
		expect(((await card.json()) as { reason: string }).reason).toContain('评分表由省平台维护');
		const forgedCard = await as('inspector02')(`${test.syncUrl}/${calls}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ new_edits: false, docs: [{ ...scorecard, _rev: '1-abcdef' }] })
		});
		expect(((await forgedCard.json()) as Array<{ error?: string }>).map((row) => row.error)).toEqual([
			'forbidden'
		]);
		expect(await readDoc('admin01', cityQaDatabaseName('sanya'), 'recording:hk-own')).toBeUndefined();
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
