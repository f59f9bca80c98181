// 数据分析员 reads what the reports are computed from and writes nothing: every write below is sent straight to
// the server as analyst01 — plain, as a replicated branch (new_edits:false), as a deletion, as a design
// document — and refused; their _local checkpoints stay their own; the recordings and the personal databases
// stay closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	agentFeedbackDatabaseName,
	agentQaDatabaseName,
	calibrationDatabaseName
} from '../../src/lib/db/catalog';
import { AT, category, draftEntry, issuedReport } from '../fixtures/documents';
import { knowledgeSearches } from '../fixtures/report-knowledge';
import { reportEvaluations } from '../fixtures/report-evaluations';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const analyst = as('analyst01');
const url = (path: string) => `${test.syncUrl}${path}`;
// A design document's id keeps its slash in the path, as CouchDB's clients send it.
const path = (id: string) =>
	id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id);
const put = async (database: string, doc: { _id: string }) =>
	(
		await analyst(url(`/${database}/${path(doc._id)}`), {
			method: 'PUT',
			body: JSON.stringify(doc)
		})
	).status;
const replicated = async (database: string, doc: object) => {
	const response = await analyst(url(`/${database}/_bulk_docs`), {
		method: 'POST',
		body: JSON.stringify({ docs: [{ ...doc, _rev: '1-0123456789abcdef0123456789abcdef' }], new_edits: false })
	});
	if (response.status !== 201) return response.status;
	const results = (await response.json()) as Array<{ error?: string }>;
	return results.every((result) => result.error === 'forbidden') ? 403 : 201;
};

const writes: Array<[string, { _id: string } & Record<string, unknown>]> = [
	['kb', draftEntry({ _id: 'entry:by-analyst', createdBy: 'analyst01', updatedBy: 'analyst01' })],
	['kb', category({ _id: 'category:by-analyst' })],
	['pub', category({ _id: 'category:by-analyst' })],
	[
		'feedback',
		{
			_id: 'searchMiss:1:analyst01',
			type: 'searchMiss',
			text: '分析员写的反馈',
			status: 'open',
			createdBy: 'analyst01',
			createdAt: AT
		} as { _id: string }
	],
	['searchlog', { ...knowledgeSearches[0]!, _id: 'searchLog:x:analyst01', createdBy: 'analyst01' }],
	['qa', { ...reportEvaluations[0]!, _id: 'evaluation:by-analyst.analyst01', inspector: 'analyst01' }],
	[
		'reports',
		issuedReport({
			_id: 'issuedReport:2026-11:province:analyst',
			kind: 'knowledge',
			passMark: 0,
			figures: {},
			definitions: ['口径'],
			issuedBy: 'analyst01',
			issuedAt: AT
		})
	]
];

describe('an analyst', () => {
	it.each(['kb', 'pub', 'feedback', 'searchlog', 'qa', 'reports'])('reads %s', async (database) => {
		expect((await analyst(url(`/${database}/_all_docs?limit=1`))).status).toBe(200);
	});

	it('reads no recording, agent’s own database or calibration scores', async () => {
		for (const database of [
			'qa-audio',
			agentQaDatabaseName('agent01'),
			agentFeedbackDatabaseName('agent01'),
			calibrationDatabaseName('inspector01')
		])
			expect((await analyst(url(`/${database}/_all_docs`))).status, database).toBe(403);
	});

	it.each(writes)('writes nothing into %s, plainly or as a replicated branch', async (database, doc) => {
		expect(await put(database, doc)).toBe(403);
		expect(await replicated(database, doc)).toBe(403);
	});

	it.each(['kb', 'feedback', 'searchlog', 'qa', 'reports'])(
		'deletes nothing and writes no design document in %s',
		async (database) => {
			const design = { _id: '_design/analyst', views: { all: { map: 'function (doc) { emit(doc._id); }' } } };
			expect(await put(database, design)).toBe(403);
			// A replicated design document is refused before validation, as a bad request: never stored.
			expect([400, 403]).toContain(await replicated(database, design));
			expect((await analyst(url(`/${database}/_design/analyst`))).status).toBe(404);
			const [first] = (
				(await (await analyst(url(`/${database}/_all_docs?limit=1`))).json()) as {
					rows: Array<{ id: string; value: { rev: string } }>;
				}
			).rows;
			if (!first) return;
			const removal = await analyst(url(`/${database}/${path(first.id)}?rev=${first.value.rev}`), {
				method: 'DELETE'
			});
			expect(removal.status).toBe(403);
		}
	);

	it('keeps its _local checkpoints to itself and to a checkpoint’s shape', async () => {
		const checkpoint = { last_seq: 3, session_id: 's', history: [], replicator: 'pouchdb', version: 1 };
		const mine = await analyst(url('/qa/_local/reports-checkpoint'), {
			method: 'PUT',
			body: JSON.stringify(checkpoint)
		});
		expect(mine.status).toBe(201);
		expect((await as('supervisor01')(url('/qa/_local/reports-checkpoint'))).status).toBe(404);
		const notes = await analyst(url('/qa/_local/notes'), {
			method: 'PUT',
			body: JSON.stringify({ notes: 'x' })
		});
		expect(notes.status).toBe(400);
	});
});
