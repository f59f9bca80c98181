// Error answers in CouchDB's shape, {error, reason}, with the reason in Chinese; never a stack trace or a path.
import type { Response } from 'express';

/** A refusal sent before the body was read closes the connection, so the rest of the body is never taken in. */
function closeIfBodyUnread(res: Response): void {
	const req = res.req;
	if (!req || req.complete) return;
	const declared = req.headers['content-length'];
	const hasBody =
		(declared !== undefined && declared !== '0') || req.headers['transfer-encoding'] !== undefined;
	if (hasBody) res.setHeader('Connection', 'close');
}

export function sendError(res: Response, status: number, error: string, reason: string): void {
	if (res.headersSent) {
		res.end();
		return;
	}
	closeIfBodyUnread(res);
	res.status(status).json({ error, reason });
}
