// Reads a request body within its route's limit: refused on its declared length before a byte is read. JSON
// is parsed here under the same limit (a chunked body declares none); raw bodies (attachments), which
// express-pouchdb reads itself, must declare their length, which HTTP framing then holds
// them to. Anonymous and refused requests never get here, so their bodies are never read at all.
import express, { type Request, type Response } from 'express';
import type { MethodRule } from './route-table';

export type BodyOutcome = { ok: true } | { ok: false; status: 400 | 411 | 413 | 415; reason: string };

const REFUSED_TYPES = /^multipart\//i;

function mediaType(req: Request): string {
	return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export function declaredLength(req: Request): number | null {
	const header = req.headers['content-length'];
	return header === undefined ? null : Number(header);
}

function hasBody(req: Request): boolean {
	const length = declaredLength(req);
	return (length !== null && length > 0) || req.headers['transfer-encoding'] !== undefined;
}

function tooLarge(maxBytes: number): BodyOutcome {
	return {
		ok: false,
		status: 413,
		reason: `请求体过大（上限 ${Math.round(maxBytes / 1024 / 1024) || 1} MB）`
	};
}

/** Checks type and declared size; for JSON, reads and parses the body into req.body. */
export async function readBody(req: Request, res: Response, rule: MethodRule): Promise<BodyOutcome> {
	if (!hasBody(req)) return { ok: true };
	if (rule.body === 'none') return { ok: false, status: 400, reason: '此请求不接受请求体' };
	const length = declaredLength(req);
	if (length !== null && (!Number.isFinite(length) || length > rule.maxBytes)) return tooLarge(rule.maxBytes);
	const type = mediaType(req);
	if (REFUSED_TYPES.test(type)) return { ok: false, status: 415, reason: '不接受 multipart 请求体' };
	const isJson = type === 'application/json';
	if (rule.body === 'raw') {
		return length === null ? { ok: false, status: 411, reason: '请求需要 Content-Length' } : { ok: true };
	}
	if (!isJson) return { ok: false, status: 415, reason: 'Content-Type 必须是 application/json' };
	const parse = express.json({ limit: rule.maxBytes, type: () => true, strict: false });
	return new Promise<BodyOutcome>((resolve) => {
		parse(req, res, (error?: unknown) => {
			if (!error) return resolve({ ok: true });
			const type = (error as { type?: string }).type;
			if (type === 'entity.too.large') return resolve(tooLarge(rule.maxBytes));
			resolve({ ok: false, status: 400, reason: '请求体不是有效的 JSON' });
		});
	});
}
