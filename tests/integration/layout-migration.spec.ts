// A browser that synced under the earlier layout (an agent's kb and feedback copied the shared databases)
// moves to its plan without losing anything it had not pushed: its own documents are kept, revisions and all,
// and reach the server through the agent's own database; whatever it may no longer hold is dropped.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agentFeedbackDatabaseName } from '../../src/lib/db/catalog';
import type { LocalDatabase } from '../../src/lib/db/local-databases';
import { prepareLocalDatabase } from '../../src/lib/db/layout-migration';
import { replicationPlan } from '../../src/lib/db/replication-plan';
import { AT, draftEntry } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { as, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

PouchDB.plugin(memoryAdapter);

const browser = vi.hoisted(() => ({ databases: new Map<string, LocalDatabase>() }));
vi.mock('../../src/lib/db/local-databases', () => {
	const open = (user: string, name: string) => {
		const key = `${user}$${name}`;
		let db = browser.databases.get(key);
		if (!db) {
			db = new PouchDB(`${key}-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;
			browser.databases.set(key, db);
		}
		return db;
	};
	return {
		openLocalDatabase: open,
		async destroyLocalDatabase(user: string, name: string) {
			const db = open(user, name);
			browser.databases.delete(`${user}$${name}`);
			await db.destroy();
		}
	};
});

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const planOf = (local: string) => replicationPlan('agent01', ['agent']).find((plan) => plan.local === local)!;
const local = (name: string) => browser.databases.get(`agent01$${name}`)!;

describe('an agent’s browser from before the province layout', () => {
	it('keeps its own unpushed report, drops everyone else’s logs, and pushes them to its own database', async () => {
		const old = (await import('../../src/lib/db/local-databases')).openLocalDatabase('agent01', 'feedback');
		const own = {
			_id: 'searchMiss:20261201T080000000Z-aaaa1111:agent01',
			type: 'searchMiss',
			text: '离线时记下的查无信息',
			status: 'open',
			createdBy: 'agent01',
			createdAt: AT
		};
		const ownRev = (await old.put(own)).rev;
		const edited = await old.put({ ...own, _rev: ownRev, note: '补充说明' });
		await old.put({
			_id: 'searchLog:20261201T080000000Z-bbbb2222:agent02',
			type: 'searchLog',
			query: '别人的检索词',
			resultCount: 1,
			createdBy: 'agent02',
			createdAt: AT
		});

		expect(await prepareLocalDatabase('agent01', planOf('feedback'))).toBe(1);
		const kept = local('feedback');
		const all = await kept.allDocs();
		expect(all.rows.map((row) => row.id)).toEqual([own._id]);
		expect((await kept.get(own._id))._rev).toBe(edited.rev);

		const remote = new PouchDB(`${test.syncUrl}/${agentFeedbackDatabaseName('agent01')}`, {
			auth: { username: 'agent01', password: DEMO_PASSWORD }
		});
		const pushed = await kept.replicate.to(remote);
		expect(pushed.doc_write_failures).toBe(0);
		const arrived = await eventually(async () => {
			const response = await as('editor01')(`${test.syncUrl}/feedback/${encodeURIComponent(own._id)}`);
			return response.ok ? ((await response.json()) as { _rev: string; note?: string }) : undefined;
		});
		expect(arrived._rev).toBe(edited.rev);
		expect(arrived.note).toBe('补充说明');
	});

	it('renames its own unpushed report from before ids ended with their author, and drops one already pushed', async () => {
		const { openLocalDatabase } = await import('../../src/lib/db/local-databases');
		const { recordUnpushedWrite } = await import('../../src/lib/db/unpushed-changes');
		const agent = 'agent02';
		const old = openLocalDatabase(agent, 'feedback');
		const legacy = (id: string, text: string) => ({
			_id: id,
			type: 'correction',
			text,
			status: 'open',
			entryId: 'entry:shebao-card',
			createdBy: agent,
			createdAt: AT
		});
		const unpushed = await old.put(legacy('correction:20261120T080000000Z-agent02-1a2b3c4d', '离线写的纠错'));
		await recordUnpushedWrite(old, unpushed.id, unpushed.rev);
		await old.put(legacy('correction:20261119T080000000Z-agent02-5e6f7a8b', '早已送达的纠错'));

		const plan = replicationPlan(agent, ['agent']).find((each) => each.local === 'feedback')!;
		expect(await prepareLocalDatabase(agent, plan)).toBe(1);
		const kept = browser.databases.get(`${agent}$feedback`)!;
		const renamedId = `${unpushed.id}:${agent}`;
		expect((await kept.allDocs()).rows.map((row) => row.id)).toEqual([renamedId]);
		const remote = new PouchDB(`${test.syncUrl}/${agentFeedbackDatabaseName(agent)}`, {
			auth: { username: agent, password: DEMO_PASSWORD }
		});
		expect((await kept.replicate.to(remote)).doc_write_failures).toBe(0);
		const arrived = await eventually(async () => {
			const response = await as('editor01')(`${test.syncUrl}/feedback/${encodeURIComponent(renamedId)}`);
			return response.ok ? ((await response.json()) as { text: string }) : undefined;
		});
		expect(arrived.text).toBe('离线写的纠错');
	});

	it('empties the knowledge copy it may no longer hold (drafts of the shared kb), and leaves it alone next time', async () => {
		const old = (await import('../../src/lib/db/local-databases')).openLocalDatabase('agent01', 'kb');
		await old.put(draftEntry());
		expect(await prepareLocalDatabase('agent01', planOf('kb'))).toBe(0);
		expect((await local('kb').allDocs()).rows).toEqual([]);
		expect(await prepareLocalDatabase('agent01', planOf('kb'))).toBeNull();
	});

	it('leaves a copy that already follows its plan as it is', async () => {
		const plan = planOf('qa-agent-6167656e743031');
		const db = (await import('../../src/lib/db/local-databases')).openLocalDatabase('agent01', plan.local);
		await db.put({ _id: 'acknowledgement:x', type: 'acknowledgement' });
		expect(await prepareLocalDatabase('agent01', plan)).toBeNull();
		expect((await local(plan.local).allDocs()).rows).toHaveLength(1);
	});
});

describe('an editor’s browser that pulled the search logs with the feedback', () => {
	it('keeps its unpushed handling, drops the logs, and pulls back only the working set', async () => {
		const { openLocalDatabase } = await import('../../src/lib/db/local-databases');
		const { recordUnpushedWrite } = await import('../../src/lib/db/unpushed-changes');
		const editor = 'editor01';
		const today = '2026-12-05';
		const plan = replicationPlan(editor, ['editor'], today).find((each) => each.local === 'feedback')!;
		const admin = new PouchDB(`${test.adminSyncUrl}/feedback`);
		const item = (id: string, status: string, updatedAt?: string) => ({
			_id: `${id}:agent01`,
			type: 'searchMiss',
			text: id,
			status,
			createdBy: 'agent01',
			createdAt: '2025-01-05T02:00:00.000Z',
			...(updatedAt ? { updatedBy: editor, updatedAt } : {})
		});
		const log = {
			_id: 'searchLog:20261201T080000000Z-cccc3333:agent01',
			type: 'searchLog',
			query: '话务员的检索词',
			resultCount: 0,
			createdBy: 'agent01',
			createdAt: '2026-12-01T08:00:00.000Z'
		};
		const onServer = [
			log,
			item('searchMiss:20250105T020000000Z-00000001', 'open'),
			item('searchMiss:20250105T020000000Z-00000002', 'closed', '2025-02-01T02:00:00.000Z'),
			item('searchMiss:20250105T020000000Z-00000003', 'closed', '2026-11-02T02:00:00.000Z'),
			item('searchMiss:20250105T020000000Z-00000004', 'open')
		];
		const written = await admin.bulkDocs(onServer);
		expect(written.every((result) => 'ok' in result)).toBe(true);

		// The browser held the whole database, and had assigned item 4 without pushing it yet.
		const old = openLocalDatabase(editor, 'feedback');
		expect((await old.replicate.from(admin)).docs_written).toBeGreaterThanOrEqual(onServer.length);
		const toAssign = await old.get(onServer[4]!._id);
		const assigned = await old.put({ ...toAssign, status: 'assigned', assignee: editor });
		await recordUnpushedWrite(old, assigned.id, assigned.rev);

		expect(await prepareLocalDatabase(editor, plan)).toBe(1);
		const kept = browser.databases.get(`${editor}$feedback`)!;
		expect((await kept.allDocs()).rows.map((row) => row.id)).toEqual([onServer[4]!._id]);
		expect((await kept.get(onServer[4]!._id))._rev).toBe(assigned.rev);

		await kept.replicate.from(admin, { selector: plan.pullSelector });
		const ids = (await kept.allDocs()).rows.map((row) => row.id);
		expect(ids).toContain(onServer[1]!._id);
		expect(ids).toContain(onServer[3]!._id);
		expect(ids).not.toContain(onServer[2]!._id);
		expect(ids).not.toContain(log._id);
		expect((await kept.get(onServer[4]!._id))._rev).toBe(assigned.rev);
		expect(await prepareLocalDatabase(editor, plan)).toBeNull();
	});
});

describe('a city editor’s browser that held all of kb', () => {
	it('keeps its unpushed 海口 draft, drops every other city’s drafts, and pushes the draft to 海口’s desk', async () => {
		const { openLocalDatabase } = await import('../../src/lib/db/local-databases');
		const { recordUnpushedWrite } = await import('../../src/lib/db/unpushed-changes');
		const editor = 'editor03';
		const plan = replicationPlan(editor, ['editor'], '2026-12-05', ['haikou']).find(
			(each) => each.local === 'kb'
		)!;
		expect(plan.remote).toBe('citykb-haikou');
		// Before the desks, 海口's editor replicated kb itself: 三亚's draft came with it.
		const old = openLocalDatabase(editor, 'kb');
		await old.put(draftEntry({ _id: 'entry:sanya-secret-draft', subPlatform: 'sanya' }));
		const own = draftEntry({
			_id: 'entry:haikou-offline-draft',
			subPlatform: 'haikou',
			createdBy: editor,
			updatedBy: editor,
			history: [{ action: 'create', by: editor, at: AT }]
		});
		const saved = await old.put(own);
		await recordUnpushedWrite(old, saved.id, saved.rev);

		expect(await prepareLocalDatabase(editor, plan)).toBe(1);
		const kept = browser.databases.get(`${editor}$kb`)!;
		expect((await kept.allDocs()).rows.map((row) => row.id)).toEqual([own._id]);
		expect((await kept.get(own._id))._rev).toBe(saved.rev);

		const desk = new PouchDB(`${test.syncUrl}/${plan.remote}`, {
			auth: { username: editor, password: DEMO_PASSWORD }
		});
		const pushed = await kept.replicate.to(desk);
		expect(pushed.docs_written).toBe(1);
		expect((await desk.get(own._id))._rev).toBe(saved.rev);
		await eventually(async () => (await as('editor01')(`${test.syncUrl}/kb/${own._id}`)).ok || undefined);
		expect((await as('editor03')(`${test.syncUrl}/kb/_all_docs`)).status).toBe(403);
		expect(await prepareLocalDatabase(editor, plan)).toBeNull();
	});
});
