// With COUCHDB_URL set, the Node front forwards /db to Apache CouchDB and adds what CouchDB lacks: throttled
// sign-in (per account and address) and sign-out that ends the session. CouchDB is played here by a small
// server that issues cookies in CouchDB's format (base64 of name:issued-at in hex seconds:hmac).
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type RunningAppServer } from '../../sync/server/app-server';

let couch: http.Server;
let front: RunningAppServer;
let dataDir: string;
const upstreamSignIns: string[] = [];
/** The fake CouchDB's clock, in seconds, so cookies can be issued before and after a sign-out. */
let couchClock = 1_800_000_000;

function couchCookie(name: string): string {
	return Buffer.from(`${name}:${couchClock.toString(16).toUpperCase()}:fakehmac`).toString('base64');
}

beforeAll(async () => {
	couch = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			if (req.url === '/_session' && req.method === 'POST') {
				const { name, password } = JSON.parse(body) as { name: string; password: string };
				upstreamSignIns.push(name);
				if (password !== 'right') return res.writeHead(401).end('{"error":"unauthorized"}');
				res.setHeader('set-cookie', `AuthSession=${couchCookie(name)}; Path=/; HttpOnly`);
				return res.writeHead(200).end(JSON.stringify({ ok: true, name, roles: [] }));
			}
			if (req.url === '/_session' && req.method === 'DELETE') return res.writeHead(200).end('{"ok":true}');
			const signedIn = /AuthSession=/.test(req.headers.cookie ?? '');
			res.writeHead(signedIn ? 200 : 401).end(signedIn ? '{"db_name":"kb"}' : '{"error":"unauthorized"}');
		});
	});
	await new Promise<void>((resolve) => couch.listen(0, '127.0.0.1', resolve));
	const { port } = couch.address() as AddressInfo;
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-proxy-'));
	front = await startAppServer({
		host: '127.0.0.1',
		port: 0,
		dataDir,
		couchdbUrl: `http://admin:secret@127.0.0.1:${port}`,
		admin: { name: 'admin', password: 'secret' }
	});
});

afterAll(async () => {
	await front?.close();
	await new Promise((resolve) => couch?.close(resolve));
	rmSync(dataDir, { recursive: true, force: true });
});

const signIn = (name: string, password: string) =>
	fetch(`${front.syncUrl}/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name, password })
	});

describe('the front to Apache CouchDB', () => {
	it('throttles password guessing without bothering CouchDB', async () => {
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 20; attempt++) statuses.push((await signIn('agent01', 'wrong')).status);
		expect(statuses.filter((status) => status === 401)).toHaveLength(6);
		expect(statuses.slice(6).every((status) => status === 429)).toBe(true);
		expect(upstreamSignIns.filter((name) => name === 'agent01')).toHaveLength(6);
		const right = await signIn('agent01', 'right');
		expect(right.status).toBe(429);
		expect(((await right.json()) as { reason: string }).reason).toMatch(/^登录失败次数过多/);
	});

	it('ends the session on sign-out: the user’s older cookies are refused, a new sign-in works', async () => {
		const cookie = (await signIn('editor01', 'right')).headers.get('set-cookie')!.split(';')[0]!;
		expect((await fetch(`${front.syncUrl}/kb`, { headers: { cookie } })).status).toBe(200);
		couchClock += 10;
		expect((await fetch(`${front.syncUrl}/_session`, { method: 'DELETE', headers: { cookie } })).status).toBe(
			200
		);
		const replayed = await fetch(`${front.syncUrl}/kb`, { headers: { cookie } });
		expect(replayed.status).toBe(401);
		expect(((await replayed.json()) as { reason: string }).reason).toBe('登录已结束，请重新登录');
		couchClock += 10_000;
		const fresh = (await signIn('editor01', 'right')).headers.get('set-cookie')!.split(';')[0]!;
		expect((await fetch(`${front.syncUrl}/kb`, { headers: { cookie: fresh } })).status).toBe(200);
	});

	it('sends the same security headers as the embedded server', async () => {
		const response = await fetch(`${front.syncUrl}/kb`);
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
