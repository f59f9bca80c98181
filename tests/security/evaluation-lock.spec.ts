// Issue 14, hole 6, replayed against the embedded server: an inspector could rescore a submitted evaluation
// (back to draft and over again, or the total alone) or move it to another agent's database. The design
// function in sync/ddocs/qa locks it, so this holds on Apache CouchDB too; a supervisor still re-scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentQaDatabaseName } from '../../src/lib/db/catalog';
import type { Evaluation } from '../../src/lib/db/generated/documents';
import { rescored, scoredDraft } from '../fixtures/scored-evaluation';
import { withScoreHistory } from '../../src/lib/qa/evaluations/score-history';
import { eventually } from '../support/eventually';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const inspector = as('inspector01');
const supervisor = as('supervisor01');
const agent01 = as('agent01');
const agent02 = as('agent02');

type Fetcher = ReturnType<typeof as>;
type StoredEvaluation = Evaluation & { _rev: string };

const draft = scoredDraft();
const url = () => `${test.syncUrl}/qa/${encodeURIComponent(draft._id)}`;

async function put(fetcher: Fetcher, doc: Evaluation): Promise<{ status: number; rev?: string }> {
	const response = await fetcher(url(), { method: 'PUT', body: JSON.stringify(doc) });
	const body = (await response.json()) as { rev?: string };
	return { status: response.status, rev: body.rev };
}

async function stored(): Promise<StoredEvaluation> {
	return (await (await inspector(url())).json()) as StoredEvaluation;
}

async function agentCopy(fetcher: Fetcher, agent: string) {
	const response = await fetcher(
		`${test.syncUrl}/${agentQaDatabaseName(agent)}/${encodeURIComponent(draft._id)}`
	);
	return response.ok ? ((await response.json()) as StoredEvaluation) : undefined;
}

describe('a submitted evaluation is locked on the server', () => {
	it('takes the inspector’s draft and its submission', async () => {
		const saved = await put(inspector, draft);
		expect(saved.status).toBe(201);
		const submitted = await put(inspector, {
			...draft,
			_rev: saved.rev,
			status: 'submitted',
			submittedAt: '2026-11-22T01:20:00.000Z',
			updatedAt: '2026-11-22T01:20:00.000Z'
		} as Evaluation);
		expect(submitted.status).toBe(201);
		expect(await stored()).toMatchObject({ status: 'submitted', total: 94 });
		expect((await eventually(() => agentCopy(agent01, 'agent01'))).total).toBe(94);
	});

	it.each<[string, (doc: StoredEvaluation) => Evaluation]>([
		['submitted → draft, to score again', (doc) => ({ ...doc, status: 'draft' })],
		['total 94 → 40', (doc) => ({ ...doc, total: 40 })],
		['agentName agent01 → agent02', (doc) => ({ ...doc, agentName: 'agent02' })]
	])('refuses the inspector’s %s with 403', async (_attack, change) => {
		expect((await put(inspector, change(await stored()))).status).toBe(403);
		expect(await stored()).toMatchObject({ status: 'submitted', total: 94, agentName: 'agent01' });
	});

	it('refuses a supervisor moving it to another agent', async () => {
		expect((await put(supervisor, { ...(await stored()), agentName: 'agent02' })).status).toBe(403);
	});

	it('takes a supervisor’s re-score, which reaches the agent, and only that agent', async () => {
		const current = await stored();
		const upheld = rescored(current, 'contact', { points: 5, deductionReasons: [] });
		// Without its history entry the server refuses the re-score; with it, the agent gets both.
		expect((await put(supervisor, { ...upheld, updatedAt: '2026-11-25T02:00:00.000Z' })).status).toBe(403);
		const told = withScoreHistory(
			current,
			upheld,
			'supervisor01',
			'申诉成立：已核实联系电话',
			'2026-11-25T02:00:00.000Z'
		);
		const answer = await put(supervisor, { ...told, updatedAt: '2026-11-25T02:00:00.000Z' });
		expect(answer.status).toBe(201);
		expect((await stored()).total).toBe(97);
		const copy = await eventually(async () => {
			const read = await agentCopy(agent01, 'agent01');
			return read?.total === 97 ? read : undefined;
		});
		expect(copy.agentName).toBe('agent01');
		expect(copy.scoreHistory).toEqual([
			expect.objectContaining({
				by: 'supervisor01',
				totalBefore: 94,
				totalAfter: 97,
				reason: '申诉成立：已核实联系电话'
			})
		]);
		expect(await agentCopy(agent02, 'agent02')).toBeUndefined();
	});
});
