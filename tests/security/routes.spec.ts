// Sends anonymous and wrong-role requests straight to the embedded server on every route a client can reach.
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

/** Every route a PouchDB client or a curious user can reach inside a database. */
function routesOf(db: string): Array<[string, string, unknown?]> {
	return [
		['GET', `/${db}`],
		['GET', `/${db}/_all_docs`],
		['POST', `/${db}/_all_docs`, { keys: ['recording:r1'] }],
		['GET', `/${db}/_changes`],
		['GET', `/${db}/_changes?feed=longpoll&timeout=100`],
		['POST', `/${db}/_changes`, { doc_ids: ['recording:r1'] }],
		['POST', `/${db}/_find`, { selector: {} }],
		['POST', `/${db}/_explain`, { selector: {} }],
		['GET', `/${db}/_index`],
		['POST', `/${db}/_bulk_get`, { docs: [{ id: 'recording:r1' }] }],
		['POST', `/${db}/_revs_diff`, { 'recording:r1': ['1-x'] }],
		['POST', `/${db}/_bulk_docs`, { docs: [{ _id: 'recording:x', type: 'recording' }] }],
		['POST', `/${db}`, { _id: 'recording:y', type: 'recording' }],
		['GET', `/${db}/recording:r1`],
		['GET', `/${db}/recording:r1?revs=true&open_revs=all`],
		['GET', `/${db}/recording:r1/peaks.json`],
		['PUT', `/${db}/recording:z`, { type: 'recording' }],
		['DELETE', `/${db}/recording:r1?rev=1-x`],
		['GET', `/${db}/_design/app`],
		['GET', `/${db}/_design/app/_view/any`],
		['GET', `/${db}/_design/app/_info`],
		['PUT', `/${db}/_design/evil`, { validate_doc_update: 'function(){}' }],
		['GET', `/${db}/_security`],
		['PUT', `/${db}/_security`, { members: { names: [], roles: [] } }],
		['GET', `/${db}/_local/x`],
		['POST', `/${db}/_compact`, {}],
		['POST', `/${db}/_view_cleanup`, {}],
		['POST', `/${db}/_ensure_full_commit`, {}],
		['GET', `/${db}/_revs_limit`],
		['DELETE', `/${db}`]
	];
}

const SERVER_ROUTES: Array<[string, string, unknown?]> = [
	['GET', '/_all_dbs'],
	['GET', '/_users/org.couchdb.user:agent01'],
	['GET', '/_users/_all_docs'],
	[
		'PUT',
		'/_users/org.couchdb.user:mallory',
		{ name: 'mallory', type: 'user', roles: ['admin'], password: 'x' }
	],
	['GET', '/_replicator/_all_docs'],
	['POST', '/_replicate', { source: 'qa', target: 'stolen' }],
	['GET', '/_config'],
	['PUT', '/_config/admins/mallory', 'x'],
	['GET', '/_active_tasks'],
	['GET', '/_db_updates'],
	['GET', '/_log'],
	['GET', '/_utils/'],
	['PUT', '/brand-new-db']
];

async function send(fetcher: ReturnType<typeof as>, [method, route, body]: [string, string, unknown?]) {
	const response = await fetcher(`${test.syncUrl}${route}`, {
		method,
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
	return response.status;
}

describe('anonymous requests', () => {
	it.each(routesOf('qa'))('%s %s on a members-only database → 401', async (...route) => {
		expect(await send(as(null), route)).toBe(401);
	});

	it.each(SERVER_ROUTES)('%s %s → 401', async (...route) => {
		expect(await send(as(null), route)).toBe(401);
	});

	it('leave the server running after an anonymous PUT of a new database', async () => {
		await send(as(null), ['PUT', '/another-new-db']);
		const root = await fetch(`${test.syncUrl}/`);
		expect(root.status).toBe(200);
	});
});

describe('signed-in users without the right role', () => {
	it.each(routesOf('qa'))('agent: %s %s on qa → 403', async (...route) => {
		expect(await send(as('agent01'), route)).toBe(403);
	});

	it.each(
		routesOf('feedback')
			.filter(([method]) => method === 'GET' || method === 'POST')
			.slice(0, 8)
	)('inspector: %s %s on feedback → 403', async (...route) => {
		expect(await send(as('inspector01'), route)).toBe(403);
	});

	it.each(routesOf(agentQaDatabaseName('agent01')).slice(0, 12))(
		"another agent: %s %s on agent01's own QA database → 403",
		async (...route) => {
			expect(await send(as('agent02'), route)).toBe(403);
		}
	);

	it.each(SERVER_ROUTES)('editor: %s %s → 403', async (...route) => {
		expect(await send(as('editor01'), route)).toBe(403);
	});

	it('cannot change design documents or _security of a database they read', async () => {
		expect(
			await send(as('editor01'), ['PUT', '/kb/_design/evil', { validate_doc_update: 'function(){}' }])
		).toBe(403);
		expect(await send(as('editor01'), ['POST', '/kb/_bulk_docs', { docs: [{ _id: '_design/evil' }] }])).toBe(
			403
		);
		expect(await send(as('editor01'), ['PUT', '/kb/_security', { members: {} }])).toBe(403);
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
		expect((await as('agent01')(`${test.syncUrl}/kb/_all_docs`)).status).toBe(200);
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
