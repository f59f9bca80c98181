// Signs in and out against CouchDB's _session (cookie auth on the app's own origin under /db).
import { failure, success, type Result } from '$lib/result';

export const SYNC_BASE_PATH = '/db';

export interface ServerSession {
	name: string;
	roles: string[];
}

export function syncBaseUrl(): string {
	return `${location.origin}${SYNC_BASE_PATH}`;
}

export async function signInOnServer(name: string, password: string): Promise<Result<ServerSession>> {
	let response: Response;
	try {
		response = await fetch(`${SYNC_BASE_PATH}/_session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ name, password }),
			credentials: 'same-origin'
		});
	} catch {
		return failure('无法连接服务器。如果这台电脑上曾经登录过此账号，可在断网状态下继续使用。');
	}
	if (response.status === 401) return failure('用户名或密码不正确');
	// Too many failed attempts: the server says how long to wait, in Chinese.
	if (response.status === 429) return failure(await reasonOf(response, '登录失败次数过多，请稍后再试'));
	if (!response.ok) return failure(`登录失败（服务器返回 ${response.status}）`);
	const body = (await response.json()) as { name: string; roles: string[] };
	return success({ name: body.name, roles: body.roles });
}

async function reasonOf(response: Response, fallback: string): Promise<string> {
	const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
	return typeof body.reason === 'string' && body.reason ? body.reason : fallback;
}

/** The server's view of the cookie: a session, none (expired), or unreachable. */
export async function fetchServerSession(): Promise<ServerSession | 'signed-out' | 'unreachable'> {
	try {
		const response = await fetch(`${SYNC_BASE_PATH}/_session`, { credentials: 'same-origin' });
		if (!response.ok) return 'unreachable';
		const body = (await response.json()) as { userCtx: { name: string | null; roles: string[] } };
		return body.userCtx.name ? { name: body.userCtx.name, roles: body.userCtx.roles } : 'signed-out';
	} catch {
		return 'unreachable';
	}
}

export async function signOutOnServer(): Promise<void> {
	try {
		await fetch(`${SYNC_BASE_PATH}/_session`, { method: 'DELETE', credentials: 'same-origin' });
	} catch {
		// Offline sign-out still forgets the user locally; the cookie expires on its own.
	}
}
