// What an agent's browser may read, proven on the server: only published knowledge (pub), their own feedback
// database and their own QA database. Another agent's search logs and reports, the shared feedback and the
// editorial kb are refused by every route; what agents need arrives through the server's own replications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFeedbackDatabaseName } from '../../src/lib/db/catalog';
import { replicationPlan } from '../../src/lib/db/replication-plan';
import { AT, category, draftEntry } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const agent01Feedback = agentFeedbackDatabaseName('agent01');
const agent02Feedback = agentFeedbackDatabaseName('agent02');

async function readDoc(user: string, database: string, id: string) {
	const response = await as(user)(`${test.syncUrl}/${database}/${encodeURIComponent(id)}`);
	return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

async function put<T extends { _id: string }>(user: string, database: string, doc: T) {
	return as(user)(`${test.syncUrl}/${database}/${encodeURIComponent(doc._id)}`, {
		method: 'PUT',
		body: JSON.stringify(doc)
	});
}

function readRoutes(database: string): Array<[string, string, unknown?]> {
	return [
		['GET', `/${database}`],
		['GET', `/${database}/_all_docs?include_docs=true`],
		['POST', `/${database}/_all_docs`, { keys: ['x'] }],
		['GET', `/${database}/_changes?include_docs=true`],
		['GET', `/${database}/_changes?feed=longpoll&timeout=100`],
		['POST', `/${database}/_changes?filter=_selector`, { selector: { type: 'searchLog' } }],
		['POST', `/${database}/_bulk_get`, { docs: [{ id: 'x' }] }],
		['POST', `/${database}/_revs_diff`, { x: ['1-a'] }],
		['POST', `/${database}/_find`, { selector: {} }],
		['GET', `/${database}/_design/app/_view/open-items`],
		['GET', `/${database}/_design/insights/_view/zero-results?group_level=3`],
		['GET', `/${database}/searchLog%3Ax%3Aagent01`]
	];
}

describe('an agent is refused what is not theirs, by every route', () => {
	it.each([
		['agent02', agent01Feedback],
		['agent01', agent02Feedback],
		['agent01', 'feedback'],
		['agent01', 'kb'],
		['agent01', 'qa'],
		['agent01', 'searchlog']
	])('%s reading %s', async (user, database) => {
		for (const [method, route, body] of readRoutes(database)) {
			const response = await as(user)(`${test.syncUrl}${route}`, {
				method,
				...(body === undefined ? {} : { body: JSON.stringify(body) })
			});
			expect(response.status, `${method} ${route}`).toBe(403);
		}
	});

	it('lets an inspector read pub, never the editors’ kb', async () => {
		expect((await as('inspector01')(`${test.syncUrl}/pub/_all_docs`)).status).toBe(200);
		expect((await as('inspector01')(`${test.syncUrl}/kb/_all_docs`)).status).toBe(403);
		expect((await as('inspector01')(`${test.syncUrl}/kb/_changes`)).status).toBe(403);
	});

	// The knowledge report reads kb's views: supervisors and analysts read kb, and write nothing there but
	// their own profile.
	it.each(['supervisor01', 'analyst01'])(
		'lets %s read kb for reports and write no knowledge',
		async (user) => {
			expect(
				(await as(user)(`${test.syncUrl}/kb/_design/reports/_view/entry-status?group_level=1`)).status
			).toBe(200);
			const entry = draftEntry({ _id: `entry:forged-by-${user}`, createdBy: user, updatedBy: user });
			expect((await put(user, 'kb', entry)).status).toBe(403);
			const notice = {
				_id: `changeNotice:forged-by-${user}`,
				type: 'changeNotice',
				issuingDepartment: '某局',
				documentTitle: '伪造的通知',
				receivedAt: AT,
				affectedEntries: [],
				createdBy: user,
				createdAt: AT
			};
			expect((await put(user, 'kb', notice)).status).toBe(403);
		}
	);

	it('lets no other role write into an agent’s own feedback database', async () => {
		for (const user of ['agent02', 'editor01', 'reviewer01', 'inspector01', 'supervisor01', 'admin01']) {
			const report = {
				_id: `searchMiss:20261205T040000000Z-0a0b0c0d:${user}`,
				type: 'searchMiss',
				text: '写进别人的反馈库',
				status: 'open',
				createdBy: user,
				createdAt: AT
			};
			expect((await put(user, agent01Feedback, report)).status, user).toBe(403);
		}
	});

	it('reads pub, and nobody but the server writes it', async () => {
		expect((await as('agent01')(`${test.syncUrl}/pub/_all_docs`)).status).toBe(200);
		for (const user of ['agent01', 'editor01', 'reviewer01', 'admin01']) {
			expect((await put(user, 'pub', category({ _id: 'category:forged' }))).status, user).toBe(403);
		}
	});
});

describe('what agents need arrives through the server', () => {
	it('copies publications, categories and their deletions to pub; never a draft', async () => {
		const draft = draftEntry({ _id: 'entry:privacy-draft', standardQuestion: '一份草稿不会给话务员看' });
		expect((await put('editor01', 'kb', draft)).status).toBe(201);
		const added = await put('editor01', 'kb', category({ _id: 'category:privacy', name: '临时分类' }));
		expect(added.status).toBe(201);
		await eventually(() => readDoc('agent01', 'pub', 'category:privacy'));
		const { rev } = (await added.json()) as { rev: string };
		const removed = await as('editor01')(`${test.syncUrl}/kb/category%3Aprivacy?rev=${rev}`, {
			method: 'DELETE'
		});
		expect(removed.status).toBe(200);
		await eventually(async () =>
			(await readDoc('agent01', 'pub', 'category:privacy')) === undefined ? true : undefined
		);
		expect(await readDoc('agent01', 'pub', 'entry:privacy-draft')).toBeUndefined();
		const drafts = await as('agent01')(
			`${test.syncUrl}/pub/_all_docs?startkey=%22entry%3A%22&endkey=%22entry%3A%EF%BF%B0%22`
		);
		expect(((await drafts.json()) as { rows: unknown[] }).rows).toEqual([]);
	});

	it('carries an agent’s report to the editors and their answer back to that agent alone', async () => {
		const miss = {
			_id: 'searchMiss:20261205T020000000Z-1a2b3c4d:agent01',
			type: 'searchMiss',
			text: '电动车上牌',
			status: 'open',
			createdBy: 'agent01',
			createdAt: AT
		};
		const log = {
			_id: 'searchLog:20261205T020000000Z-5e6f7a8b:agent01',
			type: 'searchLog',
			query: '电动车上牌',
			resultCount: 0,
			createdBy: 'agent01',
			createdAt: AT
		};
		expect((await put('agent01', agent01Feedback, miss)).status).toBe(201);
		expect((await put('agent01', agent01Feedback, log)).status).toBe(201);
		const arrived = await eventually(() => readDoc('editor01', 'feedback', miss._id));
		// The log goes to searchlog, never into feedback, whose reports fan out to the agents.
		await eventually(() => readDoc('editor01', 'searchlog', log._id));
		expect(await readDoc('editor01', 'feedback', log._id)).toBeUndefined();
		// The editors read the log as a figure of the server's view; their browsers do not pull the logs.
		const month = new Date(Date.parse(AT) + 8 * 3600_000).toISOString().slice(0, 7);
		const figures = await as('editor01')(
			`${test.syncUrl}/searchlog/_design/insights/_view/zero-results?group_level=3&startkey=${encodeURIComponent(
				JSON.stringify([month])
			)}&endkey=${encodeURIComponent(JSON.stringify([month, {}]))}`
		);
		expect(figures.status).toBe(200);
		const { rows } = (await figures.json()) as { rows: Array<{ key: unknown[]; value: { count: number } }> };
		expect(rows).toContainEqual(expect.objectContaining({ key: [month, '电动车上牌', 'agent01'] }));
		const editorPull = await as('editor01')(`${test.syncUrl}/feedback/_changes?filter=_selector`, {
			method: 'POST',
			body: JSON.stringify({
				selector: replicationPlan('editor01', ['editor']).find((plan) => plan.local === 'feedback')!
					.pullSelector
			})
		});
		const pulled = ((await editorPull.json()) as { results: Array<{ id: string }> }).results.map(
			(row) => row.id
		);
		expect(pulled).toContain(miss._id);
		expect(pulled).not.toContain(log._id);
		const closed = {
			...arrived,
			status: 'closed',
			updatedBy: 'editor01',
			updatedAt: AT,
			resolution: '已新增知识点'
		};
		expect((await put('editor01', 'feedback', { ...closed, _id: miss._id })).status).toBe(201);
		await eventually(async () => {
			const back = await readDoc('agent01', agent01Feedback, miss._id);
			return back?.status === 'closed' ? back : undefined;
		});
		expect(await readDoc('agent02', agent02Feedback, miss._id)).toBeUndefined();
		const others = await as('agent02')(`${test.syncUrl}/${agent02Feedback}/_all_docs`);
		expect(
			((await others.json()) as { rows: unknown[] }).rows.filter((row) =>
				String((row as { id: string }).id).endsWith(':agent01')
			)
		).toEqual([]);
	});

	it('refuses an agent writing in another agent’s name, even into their own database', async () => {
		const forged = {
			_id: 'searchLog:20261205T030000000Z-9c8d7e6f:agent02',
			type: 'searchLog',
			query: '伪造',
			resultCount: 0,
			createdBy: 'agent02',
			createdAt: AT
		};
		expect((await put('agent01', agent01Feedback, forged)).status).toBe(403);
		expect((await put('agent01', agent02Feedback, { ...forged, createdBy: 'agent01' })).status).toBe(403);
	});
});

describe('searchlog is written by the server alone', () => {
	const forged = {
		_id: 'searchLog:20261205T040000000Z-0f0f0f0f:agent01',
		type: 'searchLog',
		query: '伪造的检索',
		resultCount: 0,
		createdBy: 'agent01',
		createdAt: AT
	};
	it.each(['editor01', 'reviewer01', 'supervisor01', 'admin01', 'agent01', 'inspector01'])(
		'%s may not write a log, replicate one in or change the design',
		async (user) => {
			expect((await put(user, 'searchlog', forged)).status, 'PUT').toBe(403);
			const replicated = await as(user)(`${test.syncUrl}/searchlog/_bulk_docs`, {
				method: 'POST',
				body: JSON.stringify({ new_edits: false, docs: [{ ...forged, _rev: '1-abc' }] })
			});
			const answer = replicated.ok ? ((await replicated.json()) as Array<{ error?: string }>) : null;
			expect(answer === null || answer.every((row) => row.error === 'forbidden')).toBe(true);
			const design = await as(user)(`${test.syncUrl}/searchlog/_design/insights`, {
				method: 'PUT',
				body: JSON.stringify({ views: {} })
			});
			expect(design.status, 'design document').toBe(403);
			expect(await readDoc('admin01', 'searchlog', forged._id)).toBeUndefined();
		}
	);
});
