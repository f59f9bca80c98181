// The attacks of issue 14 replayed against the embedded server, request for request: a member making itself
// database admin through _local/_security, design-document code run in the server process, and forged
// replicated branches. (Unknown filters and form uploads that killed the server: robustness.spec.ts and
// routes.spec.ts; stored XSS: answer-html.spec.ts; re-scoring a submitted evaluation: evaluation-lock.spec.ts.)
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFeedbackDatabaseName, agentQaDatabaseName } from '../../src/lib/db/catalog';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { AT, draftEntry, evaluation } from '../fixtures/documents';
import { eventually } from '../support/eventually';
import { ADMIN, as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const serverAdmin = (url: string, init: RequestInit = {}) => {
	const headers = new Headers(init.headers);
	headers.set('authorization', `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`);
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(url, { ...init, headers });
};

async function put(user: string | null, route: string, body: unknown) {
	const fetcher = user === ADMIN.name ? serverAdmin : as(user);
	return fetcher(`${test.syncUrl}${route}`, { method: 'PUT', body: JSON.stringify(body) });
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
	return (await (await response).json()) as T;
}

const FORGED_REV = `9-${'f'.repeat(32)}`;
function forged<T extends object>(
	doc: T
): T & { _rev: string; _revisions: { start: number; ids: string[] } } {
	return { ...doc, _rev: FORGED_REV, _revisions: { start: 9, ids: ['f'.repeat(32)] } };
}

async function bulkReplicated(user: string, database: string, docs: object[]) {
	const response = await as(user)(`${test.syncUrl}/${database}/_bulk_docs`, {
		method: 'POST',
		body: JSON.stringify({ new_edits: false, docs })
	});
	return { status: response.status, results: (await response.json()) as Array<{ error?: string }> };
}

describe('hole 1: a member making itself database admin', () => {
	const securityOf = (database: string) =>
		json<{ admins: { names: string[]; roles: string[] } }>(
			serverAdmin(`${test.syncUrl}/${database}/_security`)
		);

	it.each(['pub', agentFeedbackDatabaseName('agent01'), agentQaDatabaseName('agent01')])(
		'agent01 cannot reach %s’s _local/_security',
		async (db) => {
			expect((await as('agent01')(`${test.syncUrl}/${db}/_local/_security`)).status).toBe(404);
			const takeover = await put('agent01', `/${db}/_local/_security`, {
				_rev: '0-1',
				security: { admins: { names: ['agent01'], roles: [] }, members: { names: ['agent01'], roles: [] } }
			});
			expect(takeover.status).toBe(400);
			expect((await put('agent01', `/${db}/_security`, { admins: { names: ['agent01'] } })).status).toBe(403);
			expect((await securityOf(db)).admins).toEqual({ names: [], roles: [] });
		}
	);

	it('and so cannot replace the validation, nor write what it forbids', async () => {
		const emptied = await put('agent01', '/kb/_design/app', { validate_doc_update: 'function(){}' });
		expect(emptied.status).toBe(403);
		const pwned = draftEntry({
			_id: 'entry:pwned',
			status: 'published',
			publishedAt: AT,
			createdBy: 'agent01',
			updatedBy: 'agent01'
		});
		expect((await put('agent01', '/kb/entry:pwned', pwned)).status).toBe(403);
		const design = await json<{ validate_doc_update: string }>(serverAdmin(`${test.syncUrl}/kb/_design/app`));
		expect(design.validate_doc_update).toContain('checkEntryWorkflow');
	});

	it('nor, in its own QA database, forge a ruling or a score that the server would carry to qa', async () => {
		const own = agentQaDatabaseName('agent01');
		expect(
			(
				await put('agent01', `/${own}/_design/app`, {
					filters: { 'agent-responses': 'function(){return true}' }
				})
			).status
		).toBe(403);
		const ruling = {
			_id: 'appeal:e1',
			type: 'appeal',
			evaluationId: 'evaluation:e1',
			agentName: 'agent01',
			reason: '申诉',
			status: 'upheld',
			ruling: '成立',
			ruledBy: 'supervisor01',
			createdAt: AT
		};
		expect((await put('agent01', `/${own}/appeal:e1`, ruling)).status).toBe(403);
		const perfect = evaluation({ scores: [{ criterionKey: 'attitude', points: 100 }] });
		expect((await put('agent01', `/${own}/evaluation:e1`, perfect)).status).toBe(403);
	});
});

describe('hole 2: design-document code in the server process', () => {
	const marker = path.join(os.tmpdir(), `hotline-pwned-${process.pid}`);
	const payload = {
		validate_doc_update: `function(n){var P=n.constructor.constructor('return process')();P.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)},'x')}`
	};

	it('refuses foreign design documents, from the app’s admin and from the server admin alike', async () => {
		expect((await put('admin01', '/kb/_design/x', payload)).status).toBe(403);
		const byServerAdmin = await put(ADMIN.name, '/kb/_design/x', payload);
		expect(byServerAdmin.status).toBe(403);
		expect(((await byServerAdmin.json()) as { reason: string }).reason).toContain('sync/ddocs');
		const changedView = await put(ADMIN.name, '/feedback/_design/app', {
			views: { 'open-items': { map: 'function(doc){emit(doc._id)}' } }
		});
		expect(changedView.status).toBe(403);
	});

	it('never runs stored code: a write after the attempt creates no file', async () => {
		const draft = draftEntry({ _id: 'entry:after-payload' });
		expect((await put('editor01', '/kb/entry:after-payload', draft)).status).toBe(201);
		expect(existsSync(marker)).toBe(false);
	});

	it('answers views of the repository only', async () => {
		expect((await as('editor01')(`${test.syncUrl}/feedback/_design/app/_view/open-items`)).status).toBe(200);
		expect((await as('editor01')(`${test.syncUrl}/feedback/_design/x/_view/y`)).status).toBe(404);
	});

	afterAll(() => rmSync(marker, { force: true }));
});

describe('hole 4: forged replicated branches on the embedded server', () => {
	it('editor01 cannot graft a draft onto a published entry', async () => {
		const published = draftEntry({
			_id: 'entry:graft',
			status: 'published',
			publishedAt: AT,
			publishedBy: 'reviewer01',
			createdBy: 'reviewer01',
			updatedBy: 'reviewer01',
			history: [{ action: 'create', by: 'reviewer01', at: AT }]
		});
		expect((await put('reviewer01', '/kb/entry:graft', published)).status).toBe(201);
		const graft = forged({ ...published, status: 'draft', createdBy: 'editor01', updatedBy: 'editor01' });
		const { status, results } = await bulkReplicated('editor01', 'kb', [graft]);
		expect(status).toBe(201);
		expect(results[0]?.error).toBe('forbidden');
		const winner = await json<{ status: string; _rev: string }>(
			as('editor01')(`${test.syncUrl}/kb/entry:graft`)
		);
		expect(winner.status).toBe('published');
		expect(winner._rev).not.toBe(FORGED_REV);
	});

	it('agent01 cannot rewrite agent02’s search log', async () => {
		const log = {
			_id: 'searchLog:20261205T010000000Z-abcd1234:agent02',
			type: 'searchLog',
			query: '公积金提取',
			resultCount: 3,
			createdBy: 'agent02',
			createdAt: AT
		};
		const theirs = agentFeedbackDatabaseName('agent02');
		expect((await put('agent02', `/${theirs}/${encodeURIComponent(log._id)}`, log)).status).toBe(201);
		const rewritten = forged({ ...log, query: '改写', createdBy: 'agent01' });
		// Not through the shared databases, nor agent02's database: agent01 may not even read them.
		for (const database of ['feedback', 'searchlog', theirs]) {
			expect((await bulkReplicated('agent01', database, [rewritten])).status).toBe(403);
		}
		// Nor under agent02's id in agent01's own database, from where the server would carry it to searchlog.
		for (const createdBy of ['agent01', 'agent02']) {
			const own = agentFeedbackDatabaseName('agent01');
			const { results } = await bulkReplicated('agent01', own, [
				forged({ ...log, query: '改写', createdBy })
			]);
			expect(results[0]?.error).toBe('forbidden');
		}
		const kept = await eventually(async () => {
			const response = await as('editor01')(`${test.syncUrl}/searchlog/${encodeURIComponent(log._id)}`);
			return response.ok ? ((await response.json()) as { query: string }) : undefined;
		});
		expect(kept.query).toBe('公积金提取');
	});

	it('inspector01 cannot put other bytes under an uploaded recording’s audio id', async () => {
		const bytes = new TextEncoder().encode('RIFF-real-call');
		const md5 = createHash('md5').update(bytes).digest();
		const id = `audio:C9:${md5.toString('base64url')}`;
		const uploaded = await as('inspector01')(`${test.syncUrl}/qa-audio/${encodeURIComponent(id)}/audio`, {
			method: 'PUT',
			headers: { 'content-type': 'audio/wav', 'content-md5': md5.toString('base64') },
			body: bytes
		});
		expect(uploaded.status).toBe(201);
		const replaced = forged({
			_id: id,
			_attachments: {
				audio: { content_type: 'audio/wav', data: Buffer.from('RIFF-other-call').toString('base64') }
			}
		});
		const { results } = await bulkReplicated('inspector01', 'qa-audio', [replaced]);
		expect(results[0]?.error).toBe('forbidden');
		const back = await as('inspector01')(`${test.syncUrl}/qa-audio/${encodeURIComponent(id)}/audio`);
		expect(Buffer.from(await back.arrayBuffer()).toString()).toBe('RIFF-real-call');
	});

	it('editor01 cannot write or delete what agents read (the publication), even as a new document', async () => {
		const entry = draftEntry({
			_id: 'entry:graft',
			status: 'published',
			publishedAt: AT,
			publishedBy: 'editor01'
		});
		const publication = publicationOf(entry, { by: 'editor01', at: AT })!;
		const { results } = await bulkReplicated('editor01', 'kb', [forged(publication)]);
		expect(results[0]?.error).toBe('forbidden');
		const reviewerWrites = await put('reviewer01', '/kb/publishedEntry:graft', {
			...publication,
			publishedBy: 'reviewer01',
			updatedBy: 'reviewer01'
		});
		expect(reviewerWrites.status).toBe(201);
		const { rev } = (await reviewerWrites.json()) as { rev: string };
		const deleted = await as('editor01')(`${test.syncUrl}/kb/publishedEntry:graft?rev=${rev}`, {
			method: 'DELETE'
		});
		expect(deleted.status).toBe(403);
	});

	it('still takes an honest new document replicated with an unknown history (created offline)', async () => {
		const offline = forged(draftEntry({ _id: 'entry:offline' }));
		const { results } = await bulkReplicated('editor01', 'kb', [offline]);
		expect(results).toEqual([]);
		expect((await as('editor01')(`${test.syncUrl}/kb/entry:offline`)).status).toBe(200);
	});
});
