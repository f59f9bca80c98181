// The embedded server under hostile input: bodies refused before they are read, errors as JSON without stack
// traces or paths, filters it does not run refused instead of crashing it, _local documents kept to a user's
// own checkpoints, and security headers on every answer. After each, the server is still up.
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startAppServer } from '../../sync/server/app-server';
import { ADMIN, as, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});
afterEach(async () => {
	expect((await fetch(`${test.syncUrl}/`)).status).toBe(200);
});

const basic = (name: string, password = DEMO_PASSWORD) =>
	`Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

/** Sends headers and the first bytes of a body that claims to be `declared` bytes long, then waits for the answer. */
function claimHugeBody(
	url: string,
	declared: number,
	headers: Record<string, string> = {}
): Promise<{ status: number; ms: number; sentBytes: number }> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		let sentBytes = 0;
		const request = http.request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'content-length': String(declared), ...headers }
		});
		request.on('response', (response) => {
			response.resume();
			resolve({ status: response.statusCode!, ms: Date.now() - started, sentBytes });
			request.destroy();
		});
		request.on('error', (error) => {
			if (!request.destroyed) reject(error);
		});
		const chunk = Buffer.alloc(64 * 1024, 0x20);
		const pump = () => {
			// Never more than 1 MB: the answer must come without the server reading the claimed body.
			while (sentBytes < 1024 * 1024 && request.write(chunk)) sentBytes += chunk.length;
		};
		request.on('drain', pump);
		pump();
	});
}

describe('request bodies', () => {
	it('refuses an anonymous 250 MB body before reading it', async () => {
		const answer = await claimHugeBody(`${test.syncUrl}/kb/_bulk_docs`, 250 * 1024 * 1024);
		expect(answer.status).toBe(401);
		expect(answer.sentBytes).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
	});

	it('refuses a member’s body declared over the route’s limit before reading it (413)', async () => {
		const answer = await claimHugeBody(`${test.syncUrl}/kb/_bulk_docs`, 200 * 1024 * 1024, {
			authorization: basic('editor01')
		});
		expect(answer.status).toBe(413);
	});

	it('cuts off a chunked body that grows past the limit', async () => {
		const tooBig = JSON.stringify({ docs: [{ id: 'x'.repeat(5 * 1024 * 1024) }] });
		const stream = new ReadableStream({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(tooBig));
				controller.close();
			}
		});
		const response = await fetch(`${test.syncUrl}/kb/_bulk_get`, {
			method: 'POST',
			headers: { authorization: basic('editor01'), 'content-type': 'application/json' },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect(response.status).toBe(413);
	});

	it.each([
		['_bulk_docs with docs that are not a list', '/kb/_bulk_docs', '{"docs":"x"}'],
		['_bulk_docs with a document that is not an object', '/kb/_bulk_docs', '{"docs":["x"]}'],
		['_bulk_get without ids', '/kb/_bulk_get', '{"docs":[{}]}'],
		['_revs_diff with a bad value', '/kb/_revs_diff', '{"entry:x":"1-a"}'],
		['a body that is not JSON', '/kb/_bulk_docs', '{"docs": ['],
		['a JSON body that is not an object', '/kb/_bulk_docs', '[1,2]']
	])('answers %s with a JSON 400 and no stack trace', async (_name, route, body) => {
		const response = await as('editor01')(`${test.syncUrl}${route}`, { method: 'POST', body });
		expect(response.status).toBe(400);
		const text = await response.text();
		expect(JSON.parse(text)).toMatchObject({ error: 'bad_request' });
		expect(text).not.toMatch(/\bat \w|node_modules|\/work\/|<html/i);
	});

	it('refuses a multipart document (express-pouchdb’s parser threw on a malformed part)', async () => {
		const body = '--b\r\ncontent-type: application/json\r\n\r\n{not json\r\n--b--';
		const response = await as('editor01')(`${test.syncUrl}/kb/entry%3Amultipart`, {
			method: 'PUT',
			headers: { 'content-type': 'multipart/related; boundary=b' },
			body
		});
		expect(response.status).toBe(415);
	});

	it('answers odd query parameters without a stack trace', async () => {
		for (const query of ['limit=abc', 'startkey=%7B', 'keys=5', 'descending=maybe']) {
			const response = await as('editor01')(`${test.syncUrl}/kb/_all_docs?${query}`);
			const text = await response.text();
			expect(text, query).not.toMatch(/\bat \w|node_modules|\/work\/|<html/i);
			expect(() => JSON.parse(text), query).not.toThrow();
		}
	});
});

describe('filters the server does not run', () => {
	it.each([
		'filter=app/nonexistent',
		'filter=nope/nope',
		'filter=_view&view=app/nonexistent',
		'filter=_design',
		'filter=app/for-agent&feed=eventsource',
		'feed=longpoll&since=abc'
	])('_changes?%s → 400, and the server stays up', async (query) => {
		const response = await as('agent01')(`${test.syncUrl}/pub/_changes?${query}`);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { reason: string }).reason).toBeTruthy();
	});

	it('runs the repository’s own filter', async () => {
		const response = await fetch(`${test.syncUrl}/qa/_changes?filter=app/for-agent&agent=agent01`, {
			headers: { authorization: `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}` }
		});
		expect(response.status).toBe(200);
		const { results } = (await response.json()) as { results: Array<{ id: string }> };
		expect(results.map((row) => row.id)).toContain('scorecard:hotline-12345-v1');
		expect(results.every((row) => !row.id.startsWith('recording:'))).toBe(true);
	});
});

describe('_local documents', () => {
	const local = (user: string, id: string, init: RequestInit = {}) =>
		as(user)(`${test.syncUrl}/pub/_local/${id}`, init);

	it('are each user’s own: another user asking for the same id never sees or overwrites it', async () => {
		const written = await local('agent01', 'checkpoint-1', {
			method: 'PUT',
			body: JSON.stringify({ last_seq: 7, session_id: 's1', history: [], replicator: 'pouchdb', version: 1 })
		});
		expect(written.status).toBe(201);
		expect(((await (await local('agent01', 'checkpoint-1')).json()) as { last_seq: number }).last_seq).toBe(
			7
		);
		expect((await local('agent02', 'checkpoint-1')).status).toBe(404);
		const other = await local('agent02', 'checkpoint-1', {
			method: 'PUT',
			body: JSON.stringify({ last_seq: 0 })
		});
		expect(other.status).toBe(201);
		expect(((await (await local('agent01', 'checkpoint-1')).json()) as { last_seq: number }).last_seq).toBe(
			7
		);
	});

	it('hold only what a replication checkpoint holds, up to 64 KB', async () => {
		const odd = await local('agent01', 'notes', {
			method: 'PUT',
			body: JSON.stringify({ notes: 'anything' })
		});
		expect(odd.status).toBe(400);
		const huge = await local('agent01', 'big', {
			method: 'PUT',
			body: JSON.stringify({ history: ['x'.repeat(100 * 1024)] })
		});
		expect(huge.status).toBe(413);
	});

	it('never reach the database’s _security, whatever id is asked for', async () => {
		expect((await local('agent01', '_security')).status).toBe(404);
		const forged = await local('agent01', '_security', {
			method: 'PUT',
			body: JSON.stringify({ _rev: '0-1', security: { admins: { names: ['agent01'] } } })
		});
		expect(forged.status).toBe(400);
		const security = await fetch(`${test.syncUrl}/pub/_security`, {
			headers: { authorization: basic(ADMIN.name, ADMIN.password) }
		});
		expect(((await security.json()) as { admins: { names: string[] } }).admins.names).toEqual([]);
	});
});

describe('what held before, kept tested', () => {
	it('refuses form posts (CSRF): only JSON reaches a write, the sign-in included', async () => {
		const cookie = (
			await fetch(`${test.syncUrl}/_session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'editor01', password: DEMO_PASSWORD })
			})
		).headers
			.get('set-cookie')!
			.split(';')[0]!;
		const asForm = (route: string, type: string, body: string) =>
			fetch(`${test.syncUrl}${route}`, { method: 'POST', headers: { cookie, 'content-type': type }, body });
		expect((await asForm('/_session', 'application/x-www-form-urlencoded', 'name=x&password=y')).status).toBe(
			415
		);
		expect((await asForm('/kb/_bulk_docs', 'text/plain', '{"docs":[]}')).status).toBe(415);
		expect((await asForm('/kb/_bulk_docs', 'application/x-www-form-urlencoded', 'docs=x')).status).toBe(415);
	});

	it('lets one of 20 parallel writes of the same revision win; the others get 409', async () => {
		const url = `${test.syncUrl}/kb/category%3Arace`;
		const created = await as('editor01')(url, {
			method: 'PUT',
			body: JSON.stringify({ type: 'category', name: '并发', parentId: null, order: 1 })
		});
		const { rev } = (await created.json()) as { rev: string };
		const statuses = await Promise.all(
			Array.from({ length: 20 }, (_, index) =>
				as('editor01')(url, {
					method: 'PUT',
					body: JSON.stringify({
						_rev: rev,
						type: 'category',
						name: `并发 ${index}`,
						parentId: null,
						order: 1
					})
				}).then((response) => response.status)
			)
		);
		expect(statuses.filter((status) => status === 201)).toHaveLength(1);
		expect(statuses.filter((status) => status === 409)).toHaveLength(19);
	});
});

describe('headers', () => {
	it('on the sync endpoint: nothing may run or be framed; no X-Powered-By', async () => {
		const response = await as('agent01')(`${test.syncUrl}/pub`);
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('x-powered-by')).toBeNull();
	});

	it('on the app: a policy that allows its own scripts, its inline bootstrap by hash, and no framing', async () => {
		const outside = mkdtempSync(path.join(os.tmpdir(), 'hotline-build-'));
		const buildDir = path.join(outside, 'build');
		mkdirSync(buildDir);
		writeFileSync(path.join(outside, 'secret.txt'), 'outside the build');
		const bootstrap = 'window.started = true;';
		writeFileSync(
			path.join(buildDir, 'index.html'),
			`<html><body><script>${bootstrap}</script></body></html>`
		);
		const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-headers-'));
		const server = await startAppServer({ host: '127.0.0.1', port: 0, dataDir, buildDir, admin: ADMIN });
		try {
			const response = await fetch(`${server.appUrl}/search`);
			const policy = response.headers.get('content-security-policy')!;
			const hash = createHash('sha256').update(bootstrap).digest('base64');
			expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
			expect(policy).toContain("frame-ancestors 'none'");
			expect(policy).toContain("object-src 'none'");
			expect(policy).not.toContain("'unsafe-eval'");
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.get('x-powered-by')).toBeNull();
			for (const escape of [
				'/../package.json',
				'/%2e%2e/package.json',
				'/..%2fpackage.json',
				'/_app/../../package.json'
			]) {
				const text = await (await fetch(`${server.appUrl}${escape}`)).text();
				expect(text, escape).not.toContain('"hotline-workbench"');
			}
		} finally {
			await server.close();
			rmSync(outside, { recursive: true, force: true });
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
