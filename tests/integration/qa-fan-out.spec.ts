// The server copies each agent's submitted evaluations into that agent's own database and carries the
// agent's acknowledgements back; no agent can read another agent's database or the qa database.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentQaDatabaseName } from '../../src/lib/db/catalog';
import { AT, evaluation } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { as, startTestServer, type TestServer } from '../support/test-server';

PouchDB.plugin(memoryAdapter);

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const inspector = as('inspector01');
const agent01 = as('agent01');
const agent02 = as('agent02');

async function readDoc(fetcher: ReturnType<typeof as>, database: string, id: string) {
	const response = await fetcher(`${test.syncUrl}/${database}/${encodeURIComponent(id)}`);
	return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

describe('evaluations fan out to each agent', () => {
	const agent01Db = agentQaDatabaseName('agent01');
	const agent02Db = agentQaDatabaseName('agent02');

	it('copies a submitted evaluation to its agent only, never a draft', async () => {
		const draft = evaluation({ _id: 'evaluation:draft-1', status: 'draft' });
		const submitted = evaluation({ _id: 'evaluation:sub-1', submittedAt: AT });
		for (const doc of [draft, submitted]) {
			const response = await inspector(`${test.syncUrl}/qa/${encodeURIComponent(doc._id)}`, {
				method: 'PUT',
				body: JSON.stringify(doc)
			});
			expect(response.status).toBe(201);
		}
		const copied = await eventually(() => readDoc(agent01, agent01Db, 'evaluation:sub-1'));
		expect(copied.scores).toEqual(submitted.scores);
		expect(await readDoc(agent01, agent01Db, 'evaluation:draft-1')).toBeUndefined();
		expect(await readDoc(agent02, agent02Db, 'evaluation:sub-1')).toBeUndefined();
	});

	it('gives every agent the shipped scorecards, so their results read with the items’ names', async () => {
		const scorecard = await eventually(() => readDoc(agent01, agent01Db, 'scorecard:hotline-12345-v1'));
		expect(scorecard.name).toBe('12345政务服务便民热线通话质检评分表');
		await eventually(() => readDoc(agent02, agent02Db, 'scorecard:youth-12355-v1'));
	});

	it('refuses agents the qa database and each other’s databases', async () => {
		expect((await agent01(`${test.syncUrl}/qa/evaluation:sub-1`)).status).toBe(403);
		expect((await agent02(`${test.syncUrl}/${agent01Db}/evaluation:sub-1`)).status).toBe(403);
		expect((await agent02(`${test.syncUrl}/${agent01Db}/_all_docs`)).status).toBe(403);
		expect((await agent02(`${test.syncUrl}/${agent01Db}/_changes`)).status).toBe(403);
		expect((await as(null)(`${test.syncUrl}/${agent01Db}/_all_docs`)).status).toBe(401);
	});

	it('carries an agent’s acknowledgement back to qa, and refuses one signed by someone else', async () => {
		const acknowledgement = {
			_id: 'acknowledgement:sub-1',
			type: 'acknowledgement',
			evaluationId: 'evaluation:sub-1',
			agentName: 'agent01',
			acknowledgedAt: AT
		};
		const written = await agent01(`${test.syncUrl}/${agent01Db}/${encodeURIComponent(acknowledgement._id)}`, {
			method: 'PUT',
			body: JSON.stringify(acknowledgement)
		});
		expect(written.status).toBe(201);
		const back = await eventually(() => readDoc(inspector, 'qa', 'acknowledgement:sub-1'));
		expect(back.agentName).toBe('agent01');

		const forged = await agent01(`${test.syncUrl}/${agent01Db}/acknowledgement%3Ax`, {
			method: 'PUT',
			body: JSON.stringify({ ...acknowledgement, _id: 'acknowledgement:x', agentName: 'agent02' })
		});
		expect(forged.status).toBe(403);
	});

	it('takes an agent’s acknowledgement pushed by replication (_bulk_docs), as a browser sends it', async () => {
		const local = new PouchDB(`agent01-${Math.random()}`, { adapter: 'memory' });
		const remote = new PouchDB(`${test.syncUrl}/${agent01Db}`, {
			auth: { username: 'agent01', password: 'demo1234' }
		});
		await local.put({
			_id: 'acknowledgement:pushed',
			type: 'acknowledgement',
			evaluationId: 'evaluation:sub-1',
			agentName: 'agent01',
			acknowledgedAt: AT
		});
		const pushed = await local.replicate.to(remote);
		expect(pushed.docs_written).toBe(1);
		await eventually(() => readDoc(inspector, 'qa', 'acknowledgement:pushed'));

		const otherAgents = new PouchDB(`${test.syncUrl}/${agent01Db}`, {
			auth: { username: 'agent02', password: 'demo1234' }
		});
		await expect(local.replicate.to(otherAgents)).rejects.toMatchObject({ status: 403 });
	});
});

describe('coaching tasks fan out to their agent, and the confirmation comes back', () => {
	const agent01Db = agentQaDatabaseName('agent01');
	const agent02Db = agentQaDatabaseName('agent02');
	const task = {
		_id: 'coachingTask:sub-1',
		type: 'coachingTask',
		evaluationId: 'evaluation:sub-1',
		agentName: 'agent01',
		criterionKeys: ['contact'],
		notes: '回访时先核实联系电话',
		commentIds: [],
		due: '2026-12-11',
		followUpCalls: 2,
		status: 'open',
		createdBy: 'inspector01',
		createdAt: AT
	};

	it('reaches agent01 alone, who confirms it in their own database; the coach reads it in qa', async () => {
		const opened = await inspector(`${test.syncUrl}/qa/${encodeURIComponent(task._id)}`, {
			method: 'PUT',
			body: JSON.stringify(task)
		});
		expect(opened.status).toBe(201);
		await eventually(() => readDoc(agent01, agent01Db, task._id));
		expect(await readDoc(agent02, agent02Db, task._id)).toBeUndefined();
		const ack = {
			_id: 'coachingAck:sub-1',
			type: 'coachingAck',
			taskId: task._id,
			agentName: 'agent01',
			acknowledgedAt: AT
		};
		const confirmed = await agent01(`${test.syncUrl}/${agent01Db}/${encodeURIComponent(ack._id)}`, {
			method: 'PUT',
			body: JSON.stringify(ack)
		});
		expect(confirmed.status).toBe(201);
		const carried = await eventually(() => readDoc(inspector, 'qa', ack._id));
		expect(carried.agentName).toBe('agent01');
		// The agent cannot change what the task asks, nor the coach write the agent's confirmation.
		const stored = (await readDoc(agent01, agent01Db, task._id))!;
		const edit = await agent01(`${test.syncUrl}/${agent01Db}/${encodeURIComponent(task._id)}`, {
			method: 'PUT',
			body: JSON.stringify({ ...stored, followUpCalls: 0 })
		});
		expect(edit.status).toBe(403);
		const forged = await inspector(`${test.syncUrl}/qa/${encodeURIComponent('coachingAck:forged')}`, {
			method: 'PUT',
			body: JSON.stringify({ ...ack, _id: 'coachingAck:forged' })
		});
		expect(forged.status).toBe(403);
	});
});
