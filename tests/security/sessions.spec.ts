// Sessions on the embedded server: the cookie's attributes, sign-out ending the session on the server, the idle
// and absolute limits, sessions surviving a restart, throttled password guessing, and CouchDB 3.4-strength hashes.
import { pbkdf2Sync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from '../../sync/server/app-server';
import { ADMIN, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const adminAuth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;

async function signIn(
	syncUrl: string,
	name = 'editor01',
	password = DEMO_PASSWORD,
	headers: HeadersInit = {}
) {
	return fetch(`${syncUrl}/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ name, password })
	});
}

function cookieOf(response: Response): string {
	return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function sessionName(syncUrl: string, cookie: string): Promise<string | null> {
	const body = (await (await fetch(`${syncUrl}/_session`, { headers: { cookie } })).json()) as {
		userCtx: { name: string | null };
	};
	return body.userCtx.name;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the session cookie', () => {
	it('is HttpOnly, SameSite=Lax and lasts one shift (12 h); not Secure over plain HTTP', async () => {
		const response = await signIn(test.syncUrl);
		expect(response.status).toBe(200);
		const setCookie = response.headers.get('set-cookie')!;
		expect(setCookie).toMatch(/^AuthSession=[A-Za-z0-9_-]{40,}; /);
		expect(setCookie).toContain('HttpOnly');
		expect(setCookie).toContain('SameSite=Lax');
		expect(setCookie).toContain(`Max-Age=${12 * 60 * 60}`);
		expect(setCookie).not.toContain('Secure');
	});

	it('is not renewed on every request (the session has an absolute end)', async () => {
		const cookie = cookieOf(await signIn(test.syncUrl));
		const response = await fetch(`${test.syncUrl}/kb`, { headers: { cookie } });
		expect(response.status).toBe(200);
		expect(response.headers.get('set-cookie')).toBeNull();
	});

	it('gets Secure behind an HTTPS reverse proxy the server is told to trust', async () => {
		const proxied = await startTestServer({ trustProxy: true });
		try {
			const response = await signIn(proxied.syncUrl, 'editor01', DEMO_PASSWORD, {
				'x-forwarded-proto': 'https'
			});
			expect(response.headers.get('set-cookie')).toContain('Secure');
		} finally {
			await proxied.stop();
		}
	});
});

describe('signing out', () => {
	it('ends the session on the server: the old cookie no longer works', async () => {
		const cookie = cookieOf(await signIn(test.syncUrl));
		expect(await sessionName(test.syncUrl, cookie)).toBe('editor01');
		const out = await fetch(`${test.syncUrl}/_session`, { method: 'DELETE', headers: { cookie } });
		expect(out.status).toBe(200);
		expect(out.headers.get('set-cookie')).toMatch(/^AuthSession=; .*Max-Age=0/);
		expect(await sessionName(test.syncUrl, cookie)).toBeNull();
		expect((await fetch(`${test.syncUrl}/kb/_all_docs`, { headers: { cookie } })).status).toBe(401);
	});

	it('of one browser leaves the user’s other sessions alone', async () => {
		const first = cookieOf(await signIn(test.syncUrl, 'agent01'));
		const second = cookieOf(await signIn(test.syncUrl, 'agent01'));
		await fetch(`${test.syncUrl}/_session`, { method: 'DELETE', headers: { cookie: first } });
		expect(await sessionName(test.syncUrl, second)).toBe('agent01');
	});
});

describe('session limits', () => {
	it('ends a session left idle longer than the idle limit', async () => {
		const short = await startTestServer({ sessionLimits: { idleMs: 300, absoluteMs: 60_000 } });
		try {
			const cookie = cookieOf(await signIn(short.syncUrl));
			expect(await sessionName(short.syncUrl, cookie)).toBe('editor01');
			await sleep(450);
			expect(await sessionName(short.syncUrl, cookie)).toBeNull();
		} finally {
			await short.stop();
		}
	});

	it('ends a busy session at the absolute limit (a shift)', async () => {
		const short = await startTestServer({ sessionLimits: { idleMs: 60_000, absoluteMs: 500 } });
		try {
			const cookie = cookieOf(await signIn(short.syncUrl));
			for (let i = 0; i < 3; i++) {
				expect(await sessionName(short.syncUrl, cookie)).toBe('editor01');
				await sleep(100);
			}
			await sleep(300);
			expect(await sessionName(short.syncUrl, cookie)).toBeNull();
		} finally {
			await short.stop();
		}
	});

	it('keeps sessions across a restart of the server', async () => {
		const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-restart-'));
		const options = { host: '127.0.0.1', port: 0, dataDir, admin: ADMIN };
		try {
			let server = await startAppServer(options);
			const user = {
				_id: 'org.couchdb.user:night',
				name: 'night',
				type: 'user',
				roles: [],
				password: 'pw-night'
			};
			await fetch(`${server.syncUrl}/_users/org.couchdb.user:night`, {
				method: 'PUT',
				headers: { authorization: adminAuth, 'content-type': 'application/json' },
				body: JSON.stringify(user)
			});
			const cookie = cookieOf(await signIn(server.syncUrl, 'night', 'pw-night'));
			await server.close();
			server = await startAppServer(options);
			expect(await sessionName(server.syncUrl, cookie)).toBe('night');
			await server.close();
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

describe('password guessing', () => {
	it('is answered 429 with a Chinese reason after a few failures, even for the right password', async () => {
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 40; attempt++) {
			statuses.push((await signIn(test.syncUrl, 'reviewer01', `guess-${attempt}`)).status);
		}
		expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(6);
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(34);
		const right = await signIn(test.syncUrl, 'reviewer01');
		expect(right.status).toBe(429);
		expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(((await right.json()) as { reason: string }).reason).toMatch(/^登录失败次数过多，请 .+后再试$/);
	});

	it('counts wrong Basic credentials too', async () => {
		const basic = (password: string) =>
			fetch(`${test.syncUrl}/kb`, {
				headers: { authorization: `Basic ${Buffer.from(`supervisor01:${password}`).toString('base64')}` }
			});
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 10; attempt++) statuses.push((await basic(`guess-${attempt}`)).status);
		expect(statuses.slice(0, 6).every((status) => status === 401)).toBe(true);
		expect(statuses.slice(6).every((status) => status === 429)).toBe(true);
		expect((await basic(DEMO_PASSWORD)).status).toBe(429);
	});

	it('lets the owner in once the wait is over, and a correct sign-in clears the count', async () => {
		const quick = await startTestServer({
			throttle: { accounts: { freeFailures: 2, windowMs: 60_000, firstWaitMs: 300, maxWaitMs: 300 } }
		});
		try {
			for (let attempt = 0; attempt < 3; attempt++) await signIn(quick.syncUrl, 'agent02', 'wrong');
			expect((await signIn(quick.syncUrl, 'agent02')).status).toBe(429);
			await sleep(350);
			expect((await signIn(quick.syncUrl, 'agent02')).status).toBe(200);
			expect((await signIn(quick.syncUrl, 'agent02', 'wrong')).status).toBe(401);
		} finally {
			await quick.stop();
		}
	});

	it('is throttled per address across accounts (a spray of names)', async () => {
		const quick = await startTestServer({
			throttle: { addresses: { freeFailures: 5, windowMs: 60_000, firstWaitMs: 60_000, maxWaitMs: 60_000 } }
		});
		try {
			for (let attempt = 0; attempt < 6; attempt++) await signIn(quick.syncUrl, `nobody-${attempt}`, 'x');
			expect((await signIn(quick.syncUrl, 'agent01')).status).toBe(429);
		} finally {
			await quick.stop();
		}
	});
});

describe('stored passwords', () => {
	async function userDoc(syncUrl: string, name: string) {
		const response = await fetch(`${syncUrl}/_users/org.couchdb.user:${name}`, {
			headers: { authorization: adminAuth }
		});
		return (await response.json()) as Record<string, unknown>;
	}

	it('are PBKDF2-SHA256 with 600 000 iterations, as Apache CouchDB 3.4 writes them; never the password', async () => {
		const doc = await userDoc(test.syncUrl, 'agent01');
		expect(doc).toMatchObject({ password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 600_000 });
		expect(doc.derived_key).toMatch(/^[0-9a-f]{64}$/);
		expect(doc.salt).toMatch(/^[0-9a-f]{32}$/);
		expect(doc).not.toHaveProperty('password');
	});

	it('written by the earlier server (PBKDF2-SHA1, 10 iterations) still sign in, and are made strong then', async () => {
		const salt = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
		const legacy = {
			_id: 'org.couchdb.user:legacy',
			name: 'legacy',
			type: 'user',
			roles: ['agent'],
			password_scheme: 'pbkdf2',
			iterations: 10,
			salt,
			derived_key: pbkdf2Sync('old-password', salt, 10, 20, 'sha1').toString('hex')
		};
		const put = await fetch(`${test.syncUrl}/_users/org.couchdb.user:legacy`, {
			method: 'PUT',
			headers: { authorization: adminAuth, 'content-type': 'application/json' },
			body: JSON.stringify(legacy)
		});
		expect(put.status).toBe(201);
		expect((await signIn(test.syncUrl, 'legacy', 'not-it')).status).toBe(401);
		expect((await signIn(test.syncUrl, 'legacy', 'old-password')).status).toBe(200);
		let doc = await userDoc(test.syncUrl, 'legacy');
		for (let wait = 0; wait < 40 && doc.iterations !== 600_000; wait++) {
			await sleep(100);
			doc = await userDoc(test.syncUrl, 'legacy');
		}
		expect(doc).toMatchObject({ pbkdf2_prf: 'sha256', iterations: 600_000 });
		expect((await signIn(test.syncUrl, 'legacy', 'old-password')).status).toBe(200);
	});
});
