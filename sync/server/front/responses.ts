// Error answers in CouchDB's shape, {error, reason}, with the reason in Chinese; never a stack trace or a path.
import type { Response } from 'express';

export function sendError(res: Response, status: number, error: string, reason: string): void {
	if (res.headersSent) {
		res.end();
		return;
	}
	res.status(status).json({ error, reason });
}
