// A signed-in browser stays signed in while the server accepts its session (8 hours), quiet minutes included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
beforeAll(async () => {
	test = await startTestServer();
});
afterAll(async () => {
	await test?.stop();
});

const EIGHT_HOURS = 8 * 60 * 60;

function maxAgeOf(setCookie: string | null): number | undefined {
	const match = setCookie?.match(/Max-Age=(\d+)/i);
	return match ? Number(match[1]) : undefined;
}

async function signIn() {
	const response = await fetch(`${test.syncUrl}/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'editor01', password: DEMO_PASSWORD })
	});
	expect(response.status).toBe(200);
	return response.headers.get('set-cookie');
}

describe('the session cookie', () => {
	it('lasts as long as the session when signing in', async () => {
		expect(maxAgeOf(await signIn())).toBe(EIGHT_HOURS);
	});

	it('is renewed for the whole session on every request, not for 28 seconds', async () => {
		const cookie = (await signIn())!.split(';')[0]!;
		const response = await fetch(`${test.syncUrl}/kb`, { headers: { cookie } });
		expect(response.status).toBe(200);
		expect(maxAgeOf(response.headers.get('set-cookie'))).toBe(EIGHT_HOURS);
	});

	it('is cleared on signing out', async () => {
		const cookie = (await signIn())!.split(';')[0]!;
		const response = await fetch(`${test.syncUrl}/_session`, { method: 'DELETE', headers: { cookie } });
		expect(response.status).toBe(200);
		// The last cookie set wins: the authentication step renews it before the route clears it.
		const cleared = response.headers.getSetCookie().at(-1) ?? '';
		expect(cleared).toMatch(/^AuthSession=;/);
		expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
	});
});
