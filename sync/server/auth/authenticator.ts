// Who is asking: a session cookie, HTTP Basic credentials, or nobody. Sign-in (POST /_session) and Basic
// credentials are throttled per account and per address; sign-out ends the session on the server.
import type { Request, Response } from 'express';
import { ANONYMOUS, type UserContext } from '../front/user-context';
import type { SessionStore } from './session-store';
import { throttledReason, type SignInThrottle } from './sign-in-throttle';
import type { UserDirectory } from './user-directory';

export const SESSION_COOKIE = 'AuthSession';

export type Authentication =
	| { ok: true; user: UserContext; via: 'cookie' | 'basic' | null }
	| { ok: false; status: 401 | 429; reason: string; retryAfterSeconds?: number };

export function readCookie(req: Request, name: string): string | null {
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=') || null;
	}
	return null;
}

export function basicCredentials(req: Request): { name: string; password: string } | null {
	const header = req.headers.authorization;
	if (!header || !/^basic /i.test(header)) return null;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function clientAddress(req: Request): string {
	return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export class Authenticator {
	constructor(
		private readonly users: UserDirectory,
		private readonly sessions: SessionStore,
		private readonly throttle: SignInThrottle
	) {}

	/** The request's user; a stale cookie is simply nobody (the app then asks to sign in again). */
	async identify(req: Request): Promise<Authentication> {
		const basic = basicCredentials(req);
		if (basic) return this.checkPassword(basic.name, basic.password, clientAddress(req), 'basic');
		const token = readCookie(req, SESSION_COOKIE);
		const name = token ? this.sessions.touch(token) : null;
		if (!name) return { ok: true, user: ANONYMOUS, via: null };
		const user = await this.users.contextOf(name);
		return user ? { ok: true, user, via: 'cookie' } : { ok: true, user: ANONYMOUS, via: null };
	}

	async checkPassword(
		name: string,
		password: string,
		address: string,
		via: 'cookie' | 'basic'
	): Promise<Authentication> {
		const wait = this.throttle.retryAfterSeconds(name, address);
		if (wait > 0) return { ok: false, status: 429, reason: throttledReason(wait), retryAfterSeconds: wait };
		const user = await this.users.authenticate(name, password);
		if (!user) {
			this.throttle.recordFailure(name, address);
			return { ok: false, status: 401, reason: '用户名或密码不正确' };
		}
		this.throttle.recordSuccess(name);
		return { ok: true, user, via };
	}

	/** POST /_session: checks the password, opens a session and sets its cookie. */
	async signIn(req: Request, res: Response): Promise<void> {
		const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
		if (typeof body.name !== 'string' || typeof body.password !== 'string' || !body.name) {
			res.status(400).json({ error: 'bad_request', reason: '请填写用户名和密码' });
			return;
		}
		const result = await this.checkPassword(body.name, body.password, clientAddress(req), 'cookie');
		if (!result.ok) {
			if (result.retryAfterSeconds) res.setHeader('Retry-After', String(result.retryAfterSeconds));
			res.status(result.status).json({
				error: result.status === 429 ? 'too_many_requests' : 'unauthorized',
				reason: result.reason
			});
			return;
		}
		const token = this.sessions.open(result.user.name!);
		res.setHeader('Set-Cookie', sessionCookie(token, this.sessions.cookieMaxAgeSeconds(), req.secure));
		res.status(200).json({ ok: true, name: result.user.name, roles: result.user.roles });
	}

	/** DELETE /_session: the session ends here, not only in this browser. */
	signOut(req: Request, res: Response): void {
		const token = readCookie(req, SESSION_COOKIE);
		if (token) this.sessions.close(token);
		res.setHeader('Set-Cookie', sessionCookie('', 0, req.secure));
		res.status(200).json({ ok: true });
	}
}

/** HttpOnly, SameSite=Lax (no cross-site POST carries it), Secure whenever the request came over HTTPS. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
	const parts = [
		`${SESSION_COOKIE}=${token}`,
		'Path=/',
		`Max-Age=${maxAgeSeconds}`,
		'HttpOnly',
		'SameSite=Lax'
	];
	if (maxAgeSeconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
	if (secure) parts.push('Secure');
	return parts.join('; ');
}
