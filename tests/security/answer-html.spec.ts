// The answer allowlist through the real embedded server: kb's validate_doc_update refuses hostile answer HTML
// for an editor's draft and for the server admin alike, by PUT and by replication's _bulk_docs.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoKnowledge } from '../../sync/setup/demo-knowledge';
import { draftEntry } from '../fixtures/documents';
import { ADMIN, as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const editor = as('editor01');
const HOSTILE = '<p>材料<img src=x onerror="alert(1)"><a href="javascript:alert(1)">点我</a></p>';
const CLEAN =
	'<p>携带<strong>身份证</strong>，详见<a href="https://a.example" target="_blank" rel="noopener noreferrer">网站</a></p>';

beforeAll(async () => {
	test = await startTestServer();
});

afterAll(async () => {
	await test?.stop();
});

const put = (fetcher: typeof editor, id: string, answerHtml: string) =>
	fetcher(`${test.syncUrl}/kb/${encodeURIComponent(id)}`, {
		method: 'PUT',
		body: JSON.stringify(draftEntry({ _id: id, answerHtml }))
	});

describe('the embedded server holds the answer allowlist', () => {
	it('refuses an editor’s draft with a hostile answer (403) and stores a clean one (201)', async () => {
		const refused = await put(editor, 'entry:xss-1', HOSTILE);
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { reason: string }).reason).toBe(
			'答案含有不允许的 HTML: 不允许的标签 <img>'
		);
		const stored = await put(editor, 'entry:clean-1', CLEAN);
		expect(stored.status, await stored.clone().text()).toBe(201);
	});

	it('refuses the server admin too', async () => {
		const admin = async (url: string, init: RequestInit = {}) => {
			const headers = new Headers(init.headers);
			headers.set(
				'authorization',
				`Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`
			);
			headers.set('content-type', 'application/json');
			return fetch(url, { ...init, headers });
		};
		expect((await put(admin, 'entry:xss-2', HOSTILE)).status).toBe(403);
	});

	it('refuses a hostile answer that arrives as a replicated revision', async () => {
		const response = await editor(`${test.syncUrl}/kb/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [{ ...draftEntry({ _id: 'entry:xss-3', answerHtml: HOSTILE }), _rev: '1-abc' }]
			})
		});
		// Refused for its answer, or with the whole request where the server refuses forged branches outright.
		expect(await response.text()).toMatch(/forbidden/);
		expect((await editor(`${test.syncUrl}/kb/entry:xss-3`)).status).toBe(404);
	});

	it('loads the demo knowledge base, whose answers are within the allowlist', async () => {
		// The sync URL has a path (/db): nano must not read it as a database name.
		const couch = nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
		await loadDemoKnowledge(couch, () => {});
		const kb = (await (await editor(`${test.syncUrl}/kb`)).json()) as { doc_count: number };
		expect(kb.doc_count).toBeGreaterThan(50);
	});
});
