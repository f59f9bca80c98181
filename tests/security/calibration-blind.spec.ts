// 质检校准 is blind until it closes, on the server: each inspector's scores sit in a database only they read;
// in qa only the server writes scores (its fan-in, at close); the session is the supervisors'. Each forbidden
// request is sent straight to the embedded server as each role, replication writes and _local included.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationDatabaseName } from '../../src/lib/db/catalog';
import type { CalibrationScore, CalibrationSession } from '../../src/lib/db/generated/documents';
import { calibrationProgressId, calibrationScoreId } from '../../src/lib/qa/calibration/calibration-ids';
import { revealClosedSessions } from '../../sync/calibration/fan-in';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const NOW = '2026-12-06T02:00:00.000Z';
const session: CalibrationSession = {
	_id: 'calibrationSession:blind-test',
	type: 'calibrationSession',
	title: '盲评测试',
	scorecardId: 'scorecard:hotline-12345-v1',
	scorecardVersion: 1,
	calls: [
		{
			recordingId: 'recording:C1',
			callId: 'C1',
			agentName: 'agent01',
			startedAt: NOW,
			durationSeconds: 60
		}
	],
	inspectors: ['inspector01', 'inspector03'],
	passMark: 80,
	due: '2026-12-10',
	status: 'open',
	createdBy: 'supervisor01',
	createdAt: NOW,
	updatedAt: NOW
};
const score = (inspector: string, status: 'draft' | 'submitted' = 'submitted'): CalibrationScore => ({
	_id: calibrationScoreId(session._id, 'recording:C1', inspector),
	type: 'calibrationScore',
	sessionId: session._id,
	recordingId: 'recording:C1',
	inspector,
	scorecardId: session.scorecardId,
	scorecardVersion: 1,
	scores: [{ criterionKey: 'greeting', points: 5 }],
	total: 90,
	status,
	...(status === 'submitted' ? { submittedAt: NOW } : {}),
	updatedAt: NOW
});

const url = (database: string, id = '') =>
	`${test.syncUrl}/${database}${id ? `/${encodeURIComponent(id)}` : ''}`;
async function put<T extends { _id: string }>(user: string | null, database: string, doc: T) {
	const response = await as(user)(url(database, doc._id), { method: 'PUT', body: JSON.stringify(doc) });
	return { status: response.status, body: (await response.json()) as { rev?: string; reason?: string } };
}
async function replicated(user: string, database: string, doc: object) {
	const response = await as(user)(url(database, '_bulk_docs'), {
		method: 'POST',
		body: JSON.stringify({
			new_edits: false,
			docs: [{ ...doc, _rev: `1-${'a'.repeat(32)}`, _revisions: { start: 1, ids: ['a'.repeat(32)] } }]
		})
	});
	const results = (await response.json()) as Array<{ error?: string }> | { error?: string };
	return response.status >= 400 ? response.status : (results as Array<{ error?: string }>)[0]?.error;
}
const own = (user: string) => calibrationDatabaseName(user);
const adminCouch = () => nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);

describe('a calibration is blind until it closes', () => {
	let sessionRev = '';

	it('is started by a supervisor only, in their own name, open', async () => {
		expect((await put('inspector01', 'qa', session)).status).toBe(403);
		expect((await put('agent01', 'qa', session)).status).toBe(403);
		expect((await put('supervisor01', 'qa', { ...session, status: 'closed' })).status).toBe(403);
		expect((await put('supervisor01', 'qa', { ...session, revealedAt: NOW })).status).toBe(403);
		const created = await put('supervisor01', 'qa', session);
		expect(created.status).toBe(201);
		sessionRev = created.body.rev!;
	});

	it('keeps each inspector’s scores in a database no one else reads', async () => {
		expect((await put('inspector01', own('inspector01'), score('inspector01'))).status).toBe(201);
		for (const reader of ['inspector03', 'supervisor01', 'agent01']) {
			const response = await as(reader)(url(own('inspector01'), '_all_docs'));
			expect(response.status, reader).toBe(403);
			expect((await as(reader)(url(own('inspector01'), score('inspector01')._id))).status, reader).toBe(403);
		}
		expect((await as(null)(url(own('inspector01'), '_all_docs'))).status).toBe(401);
		expect((await as('inspector01')(url(own('inspector01'), '_all_docs'))).status).toBe(200);
		// 系统管理员 reads every personal database (as the agents' own): administration, not a participant.
		expect((await as('admin01')(url(own('inspector01'), '_all_docs'))).status).toBe(200);
	});

	it('refuses writes into someone else’s database, in someone else’s name, or after submission', async () => {
		expect((await put('inspector03', own('inspector01'), score('inspector03'))).status).toBe(403);
		expect(await replicated('inspector03', own('inspector01'), score('inspector03'))).toBe(403);
		const local = await as('inspector03')(`${url(own('inspector01'))}/_local/peek`, {
			method: 'PUT',
			body: JSON.stringify({ session_id: 'peek' })
		});
		expect(local.status).toBe(403);
		// In one's own database, only one's own scores, and a submitted score is final.
		expect((await put('inspector03', own('inspector03'), { ...score('inspector01') })).status).toBe(403);
		const stored = (await (
			await as('inspector01')(url(own('inspector01'), score('inspector01')._id))
		).json()) as {
			_rev: string;
		};
		const changed = { ...score('inspector01'), total: 60, _rev: stored._rev };
		expect((await put('inspector01', own('inspector01'), changed)).status).toBe(403);
		expect(
			await replicated('inspector01', own('inspector01'), { ...score('inspector01'), total: 60 })
		).toBeTruthy();
		const design = await as('inspector01')(`${url(own('inspector01'))}/_design/peek`, {
			method: 'PUT',
			body: JSON.stringify({ validate_doc_update: 'function () {}' })
		});
		expect(design.status).toBe(403);
	});

	it('lets only the server write scores into qa, where everyone would read them', async () => {
		for (const writer of ['inspector01', 'supervisor01']) {
			expect(
				(await put(writer, 'qa', score(writer === 'supervisor01' ? 'inspector01' : writer))).status,
				writer
			).toBe(403);
			expect(await replicated(writer, 'qa', score('inspector01')), writer).toBe('forbidden');
		}
	});

	it('records progress in each inspector’s own name only, and never reopens', async () => {
		const progress = {
			_id: calibrationProgressId(session._id, 'inspector01'),
			type: 'calibrationProgress',
			sessionId: session._id,
			inspector: 'inspector01',
			submitted: ['recording:C1'],
			updatedAt: NOW
		};
		expect((await put('inspector03', 'qa', { ...progress, inspector: 'inspector03' })).status).toBe(403);
		expect((await put('inspector01', 'qa', progress)).status).toBe(201);
		const closed = {
			...session,
			_rev: sessionRev,
			status: 'closed',
			closedBy: 'supervisor01',
			closedAt: NOW
		};
		expect((await put('inspector01', 'qa', { ...closed, closedBy: 'inspector01' })).status).toBe(403);
		expect(
			(await put('supervisor01', 'qa', { ...closed, inspectors: ['inspector01', 'inspector02'] })).status
		).toBe(403);
		const done = await put('supervisor01', 'qa', closed);
		expect(done.status).toBe(201);
		sessionRev = done.body.rev!;
		const reopened = { ...closed, _rev: sessionRev, status: 'open' };
		expect((await put('supervisor01', 'qa', reopened)).status).toBe(403);
	});

	it('is copied into qa by the server at close: submitted scores only, then marked revealed', async () => {
		// inspector03 left a draft: it is not a judgement and is not copied.
		expect((await put('inspector03', own('inspector03'), score('inspector03', 'draft'))).status).toBe(201);
		const revealed = await revealClosedSessions(adminCouch(), () => {});
		expect(revealed).toBe(1);
		const copied = await as('inspector03')(url('qa', score('inspector01')._id));
		expect(copied.status).toBe(200);
		expect(((await copied.json()) as CalibrationScore).total).toBe(90);
		expect((await as('inspector03')(url('qa', score('inspector03')._id))).status).toBe(404);
		const after = (await (await as('supervisor01')(url('qa', session._id))).json()) as CalibrationSession;
		expect(after.revealedAt).toBeTruthy();
		// A second pass finds nothing left to do.
		expect(await revealClosedSessions(adminCouch(), () => {})).toBe(0);
	});
});
