// Deny by default: the embedded server answers only the routes of its table (sync/server/front/route-table.ts),
// and each of those only to whom the table and the database's _security allow. Sent straight to the server,
// anonymously, as each role, and as the app's own admin, which is no database admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentQaDatabaseName } from '../../src/lib/db/catalog';
import type { Entry } from '../../src/lib/db/generated/documents';
import * as workflow from '../../src/lib/knowledge/workflow/entry-workflow';
import { workingContent } from '../../src/lib/knowledge/workflow/entry-workflow';
import { AT, draftEntry } from '../fixtures/documents';
import { ADMIN, as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const admin = async (url: string, init: RequestInit = {}) => {
	const headers = new Headers(init.headers);
	headers.set('authorization', `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`);
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(url, { ...init, headers });
};

beforeAll(async () => {
	test = await startTestServer();
	// A document and an attachment to try to read.
	const put = await admin(`${test.syncUrl}/qa/recording:r1`, {
		method: 'PUT',
		body: JSON.stringify({
			type: 'recording',
			callId: 'C1',
			agentName: 'agent01',
			startedAt: AT,
			durationSeconds: 60,
			direction: 'inbound',
			channels: 2,
			audio: { fileName: 'C1.ogg', contentType: 'audio/ogg', byteLength: 1000 },
			importedBy: 'inspector01',
			importedAt: AT,
			_attachments: {
				'peaks.json': { content_type: 'application/json', data: Buffer.from('[0,1]').toString('base64') }
			}
		})
	});
	expect(put.status, await put.clone().text()).toBe(201);
});

afterAll(async () => {
	await test?.stop();
});

/** The routes a PouchDB client uses inside a database. */
function memberRoutesOf(db: string): Array<[string, string, unknown?]> {
	return [
		['GET', `/${db}`],
		['GET', `/${db}/`],
		['GET', `/${db}/_all_docs`],
		['POST', `/${db}/_all_docs`, { keys: ['recording:r1'] }],
		['GET', `/${db}/_changes`],
		['GET', `/${db}/_changes?feed=longpoll&timeout=100`],
		['POST', `/${db}/_changes?filter=_doc_ids`, { doc_ids: ['recording:r1'] }],
		['POST', `/${db}/_bulk_get`, { docs: [{ id: 'recording:r1' }] }],
		['POST', `/${db}/_revs_diff`, { 'recording:r1': ['1-x'] }],
		['POST', `/${db}/_bulk_docs`, { docs: [{ _id: 'recording:x', type: 'recording' }] }],
		['GET', `/${db}/recording:r1`],
		['GET', `/${db}/recording:r1?revs=true&open_revs=all`],
		['GET', `/${db}/recording:r1/peaks.json`],
		['PUT', `/${db}/recording:z`, { type: 'recording' }],
		['DELETE', `/${db}/recording:r1?rev=1-x`],
		['GET', `/${db}/_design/app`],
		['GET', `/${db}/_design/app/_view/any`],
		['GET', `/${db}/_local/x`],
		['PUT', `/${db}/_local/x`, { last_seq: 1 }]
	];
}

/** Routes only the server admin (setup) may use. */
function serverAdminRoutesOf(db: string): Array<[string, string, unknown?]> {
	return [
		['PUT', `/${db}/_design/evil`, { validate_doc_update: 'function(){}' }],
		['DELETE', `/${db}/_design/app?rev=1-x`],
		['GET', `/${db}/_security`],
		['PUT', `/${db}/_security`, { members: { names: [], roles: [] } }],
		['POST', `/${db}`, { _id: 'recording:y', type: 'recording' }],
		['POST', `/${db}/_find`, { selector: {} }],
		['POST', `/${db}/_compact`, {}],
		['POST', `/${db}/_view_cleanup`, {}],
		['DELETE', `/${db}`]
	];
}

const SERVER_ADMIN_ROUTES: Array<[string, string, unknown?]> = [
	['GET', '/_all_dbs'],
	['GET', '/_users/org.couchdb.user:agent01'],
	['GET', '/_users/_all_docs'],
	[
		'PUT',
		'/_users/org.couchdb.user:mallory',
		{ name: 'mallory', type: 'user', roles: ['admin'], password: 'x' }
	],
	['GET', '/_replicator/_all_docs'],
	['PUT', '/_replicator/steal', { source: 'qa', target: 'stolen' }],
	['PUT', '/brand-new-db']
];

/** Not in the table: refused to everyone, the server admin included (404, or 405 for a known path). */
const UNANSWERED: Array<[string, string, unknown?]> = [
	['GET', '/_utils/'],
	['GET', '/_utils/index.html'],
	['GET', '/_config'],
	['PUT', '/_config/admins/mallory', 'x'],
	['GET', '/_node/_local/_config'],
	['POST', '/_replicate', { source: 'qa', target: 'stolen' }],
	['GET', '/_active_tasks'],
	['GET', '/_db_updates'],
	['GET', '/_log'],
	['GET', '/_stats'],
	['GET', '/_uuids'],
	['GET', '/_membership'],
	['GET', '/_scheduler/jobs'],
	['POST', '/_dbs_info', { keys: ['qa'] }],
	['POST', '/qa/_temp_view', { map: 'function(doc){emit(doc._id)}' }],
	['GET', '/qa/_design/app/_show/x/recording:r1'],
	['GET', '/qa/_design/app/_list/x/y'],
	['PUT', '/qa/_design/app/_update/x/recording:r1', {}],
	['GET', '/qa/_design/app/_rewrite/x'],
	['GET', '/qa/_design/app/_info'],
	['POST', '/qa/_explain', { selector: {} }],
	['GET', '/qa/_index'],
	['POST', '/qa/_index', { index: { fields: ['type'] } }],
	['GET', '/qa/_revs_limit'],
	['PUT', '/qa/_revs_limit', 1],
	['POST', '/qa/_purge', { 'recording:r1': ['1-x'] }],
	['POST', '/qa/_missing_revs', {}],
	['GET', '/qa/_local_docs'],
	['GET', '/qa/_design_docs'],
	['GET', '/qa//recording:r1'],
	['GET', '/qa/%5Flocal%2F_security'],
	['POST', '/qa/recording:r1', {}],
	['POST', '/qa/recording:r1/peaks.json', {}]
];

async function send(fetcher: ReturnType<typeof as>, [method, route, body]: [string, string, unknown?]) {
	const response = await fetcher(`${test.syncUrl}${route}`, {
		method,
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
	return response.status;
}

const serverAdmin = (url: string, init: RequestInit = {}) => admin(url, init);

describe('routes outside the table', () => {
	it.each(UNANSWERED)('%s %s → 404/405 even for the server admin', async (...route) => {
		expect([404, 405]).toContain(await send(serverAdmin as ReturnType<typeof as>, route));
		expect([404, 405]).toContain(await send(as('agent01'), route));
		expect([404, 405]).toContain(await send(as(null), route));
	});

	it('refuses a form upload (Fauxton’s route) without reading it, and stays up', async () => {
		const form = new FormData();
		form.append('_rev', '1-x');
		form.append('file', new Blob(['hello']), 'f.txt');
		const response = await as('agent01')(`${test.syncUrl}/feedback/x/y`, { method: 'POST', body: form });
		expect([404, 405, 415]).toContain(response.status);
		expect((await fetch(`${test.syncUrl}/`)).status).toBe(200);
	});
});

describe('anonymous requests', () => {
	it.each(memberRoutesOf('qa'))('%s %s on a members-only database → 401', async (...route) => {
		expect(await send(as(null), route)).toBe(401);
	});

	it.each([...SERVER_ADMIN_ROUTES, ...serverAdminRoutesOf('kb')])('%s %s → 401', async (...route) => {
		expect(await send(as(null), route)).toBe(401);
	});

	it('leave the server running after an anonymous PUT of a new database', async () => {
		await send(as(null), ['PUT', '/another-new-db']);
		const root = await fetch(`${test.syncUrl}/`);
		expect(root.status).toBe(200);
	});
});

describe('signed-in users without the right role', () => {
	it.each(memberRoutesOf('qa'))('agent: %s %s on qa → 403', async (...route) => {
		expect(await send(as('agent01'), route)).toBe(403);
	});

	it.each(memberRoutesOf('feedback').filter(([method]) => method === 'GET' || method === 'POST'))(
		'inspector: %s %s on feedback → 403',
		async (...route) => {
			expect(await send(as('inspector01'), route)).toBe(403);
		}
	);

	it.each(memberRoutesOf(agentQaDatabaseName('agent01')))(
		"another agent: %s %s on agent01's own QA database → 403",
		async (...route) => {
			expect(await send(as('agent02'), route)).toBe(403);
		}
	);

	it.each([...SERVER_ADMIN_ROUTES, ...serverAdminRoutesOf('kb')])(
		"the app's admin: %s %s → 403 (only the server admin)",
		async (...route) => {
			expect(await send(as('admin01'), route)).toBe(403);
		}
	);

	it('cannot reach design documents or _security through a write body either', async () => {
		expect(await send(as('editor01'), ['POST', '/kb/_bulk_docs', { docs: [{ _id: '_design/evil' }] }])).toBe(
			400
		);
		expect(
			await send(as('admin01'), [
				'POST',
				'/kb/_bulk_docs',
				{ docs: [{ _id: '_local/_security', security: {} }] }
			])
		).toBe(400);
		expect(
			await send(as('agent01'), ['POST', '/pub/_bulk_get', { docs: [{ id: '_local/_security' }] }])
		).toBe(400);
		expect(await send(as('agent01'), ['POST', '/pub/_all_docs', { keys: ['_local/_security'] }])).toBe(400);
		expect(await send(as('agent01'), ['GET', '/pub/_all_docs?key=%22_local%2F_security%22'])).toBe(400);
	});
});

describe('writes straight to the server', () => {
	it('refuses a malformed document even from a role that may write the type', async () => {
		const response = await as('editor01')(`${test.syncUrl}/kb/entry:broken`, {
			method: 'PUT',
			body: JSON.stringify({ type: 'entry', standardQuestion: '只有问题没有答案' })
		});
		expect(response.status).toBe(403);
		expect(((await response.json()) as { reason: string }).reason).toMatch(/^文档结构不正确/);
	});

	it('refuses a body that is not JSON instead of storing an empty document', async () => {
		const response = await as('editor01')(`${test.syncUrl}/kb/entry:plain`, {
			method: 'PUT',
			headers: { 'content-type': 'text/plain' },
			body: 'hello'
		});
		expect(response.status).toBe(415);
		expect((await as('editor01')(`${test.syncUrl}/kb/entry:plain`)).status).toBe(404);
	});

	it('lets an agent read knowledge but not write it', async () => {
		expect((await as('agent01')(`${test.syncUrl}/pub/_all_docs`)).status).toBe(200);
		expect((await as('agent01')(`${test.syncUrl}/kb/_all_docs`)).status).toBe(403);
		const entry = draftEntry({ _id: 'entry:by-agent', createdBy: 'agent01', updatedBy: 'agent01' });
		const response = await as('agent01')(`${test.syncUrl}/kb/entry:by-agent`, {
			method: 'PUT',
			body: JSON.stringify(entry)
		});
		expect(response.status).toBe(403);
	});

	it('walks the review workflow and refuses every shortcut, straight against the server', async () => {
		const url = `${test.syncUrl}/kb/entry:workflow`;
		const put = async (user: string, doc: object) =>
			(await as(user)(url, { method: 'PUT', body: JSON.stringify(doc) })).status;
		const save = async (user: string, doc: Entry) => {
			const response = await as(user)(url, { method: 'PUT', body: JSON.stringify(doc) });
			expect(response.status).toBe(201);
			return { ...doc, _rev: ((await response.json()) as { rev: string }).rev };
		};
		const at = (minutes: number, userName: string) => ({
			userName,
			now: new Date(Date.parse(AT) + minutes * 60_000)
		});

		const draft = await save('editor01', draftEntry({ _id: 'entry:workflow' }));
		expect(await put('editor01', { ...draft, status: 'published', publishedAt: AT })).toBe(403);
		const reviewerShortcut = workflow.approve({ ...draft, status: 'inReview' }, at(1, 'reviewer01')).entry;
		expect(
			await put('reviewer01', {
				...reviewerShortcut,
				_rev: draft._rev,
				status: 'published',
				history: [...draft.history, reviewerShortcut.history.at(-1)!]
			})
		).toBe(403);

		const submitted = await save('editor01', workflow.submitForReview(draft, at(2, 'editor01')));
		expect(
			await put('editor01', { ...workflow.approve(submitted, at(3, 'editor01')).entry, _rev: submitted._rev })
		).toBe(403);
		const silentReturn = { action: 'reject', by: 'reviewer01', at: AT };
		expect(
			await put('reviewer01', {
				...submitted,
				status: 'draft',
				updatedBy: 'reviewer01',
				history: [...submitted.history, silentReturn]
			})
		).toBe(403);
		const published = await save('reviewer01', workflow.approve(submitted, at(4, 'reviewer01')).entry);
		expect(await put('editor01', { ...published, answerText: '偷改', updatedBy: 'editor01' })).toBe(403);
		expect(
			await put('editor01', { ...workflow.archive(published, at(5, 'editor01')), _rev: published._rev })
		).toBe(403);
		const revised = await save(
			'editor02',
			workflow.saveContent(
				published,
				{ ...workingContent(published), answerText: '新答案' },
				at(6, 'editor02')
			)
		);
		expect(revised.answerText).toBe(published.answerText);
		await save('reviewer01', workflow.archive(revised, at(7, 'reviewer01')));
	});
});
