// Forwards /db/* to an external Apache CouchDB (COUCHDB_URL), so the app and its sync endpoint share one
// origin and CouchDB's AuthSession cookie works without CORS. Two protections CouchDB lacks are added here:
// sign-in attempts are throttled per account and per address (CouchDB has none), and signing out ends the
// session: CouchDB's DELETE /_session only clears the browser's cookie, which stays valid until it times out,
// so the proxy refuses every cookie of that user issued before the sign-out (all their devices).
import http from 'node:http';
import https from 'node:https';
import type { Request, Response } from 'express';
import { basicCredentials, clientAddress, readCookie, SESSION_COOKIE } from './auth/authenticator';
import { SignInThrottle, throttledReason } from './auth/sign-in-throttle';
import { sendError } from './front/responses';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);
const MAX_SIGN_IN_BODY = 4 * 1024;

/** CouchDB's cookie is base64(name:issuedAt in hex seconds:hmac). */
export function couchCookieIssue(cookie: string): { name: string; issuedAt: number } | null {
	const parts = Buffer.from(cookie, 'base64').toString('utf8').split(':');
	if (parts.length < 3 || !parts[0] || !/^[0-9A-Fa-f]+$/.test(parts[1]!)) return null;
	return { name: parts[0], issuedAt: parseInt(parts[1]!, 16) };
}

async function readSmallBody(req: Request): Promise<Buffer | null> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Uint8Array>) {
		size += chunk.length;
		if (size > MAX_SIGN_IN_BODY) return null;
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

export function createCouchDbProxy(couchdbUrl: string, throttle = new SignInThrottle()) {
	const upstream = new URL(couchdbUrl);
	upstream.username = '';
	upstream.password = '';
	const client = upstream.protocol === 'https:' ? https : http;
	const basePath = upstream.pathname.replace(/\/$/, '');
	/** user name → the moment (seconds) they signed out; older cookies of theirs are refused. */
	const signedOutAt = new Map<string, number>();

	function forward(req: Request, res: Response, body: Buffer | null, onStatus?: (status: number) => void) {
		const headers: http.OutgoingHttpHeaders = {};
		for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
		if (body) headers['content-length'] = String(body.length);
		const outgoing = client.request(
			{
				protocol: upstream.protocol,
				hostname: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: basePath + req.url,
				headers
			},
			(upstreamResponse) => {
				const status = upstreamResponse.statusCode ?? 502;
				onStatus?.(status);
				res.status(status);
				for (const [name, value] of Object.entries(upstreamResponse.headers)) {
					if (!HOP_BY_HOP.has(name) && value !== undefined) res.setHeader(name, value);
				}
				upstreamResponse.pipe(res);
			}
		);
		outgoing.on('error', (error) => {
			if (!res.headersSent) sendError(res, 502, 'bad_gateway', `CouchDB 无法连接: ${error.message}`);
			else res.end();
		});
		if (body) outgoing.end(body);
		else req.pipe(outgoing);
	}

	return async (req: Request, res: Response) => {
		const address = clientAddress(req);
		const cookie = readCookie(req, SESSION_COOKIE);
		const issue = cookie ? couchCookieIssue(cookie) : null;
		const path = req.url.split('?')[0];

		if (path === '/_session' && req.method === 'DELETE') {
			// CouchDB's clock may differ from ours: its own timestamp on the cookie also counts.
			if (issue) signedOutAt.set(issue.name, Math.max(Math.floor(Date.now() / 1000), issue.issuedAt));
			return forward(req, res, null);
		}
		if (issue && (signedOutAt.get(issue.name) ?? -1) >= issue.issuedAt) {
			res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
			return sendError(res, 401, 'unauthorized', '登录已结束，请重新登录');
		}

		let account = basicCredentials(req)?.name ?? null;
		let body: Buffer | null = null;
		if (path === '/_session' && req.method === 'POST') {
			body = await readSmallBody(req);
			if (!body) return sendError(res, 413, 'too_large', '请求体过大');
			try {
				const parsed = JSON.parse(body.toString('utf8')) as { name?: unknown };
				if (typeof parsed.name === 'string') account = parsed.name;
			} catch {
				// CouchDB answers malformed sign-ins itself.
			}
		}
		if (!account) return forward(req, res, body);
		const wait = throttle.retryAfterSeconds(account, address);
		if (wait > 0) {
			res.setHeader('Retry-After', String(wait));
			return sendError(res, 429, 'too_many_requests', throttledReason(wait));
		}
		forward(req, res, body, (status) => {
			if (status === 401) throttle.recordFailure(account!, address);
			else if (status < 400) throttle.recordSuccess(account!);
		});
	};
}
