// GET/PUT/DELETE /db/_local/<id>: replication checkpoints, each user's under their own prefix.
import type { Request, Response } from 'express';
import { checkpointProblem, storedLocalId } from './local-documents';
import { sendError } from './responses';
import type { UserContext } from './user-context';

function failed(res: Response, error: unknown): void {
	const { status, name, message } = error as { status?: number; name?: string; message?: string };
	if (status === 404) return sendError(res, 404, 'not_found', 'missing');
	if (status === 409) return sendError(res, 409, 'conflict', 'Document update conflict.');
	if (status && status < 500) return sendError(res, status, name ?? 'bad_request', message ?? '');
	throw error;
}

export async function serveLocalDocument(
	req: Request,
	res: Response,
	db: PouchDB.Database,
	docId: string,
	user: UserContext
): Promise<void> {
	const storedId = storedLocalId(docId, user);
	try {
		if (req.method === 'GET' || req.method === 'HEAD') {
			const doc = await db.get(storedId);
			res.json({ ...doc, _id: docId });
			return;
		}
		if (req.method === 'DELETE') {
			const rev = typeof req.query.rev === 'string' ? req.query.rev : undefined;
			if (!rev) return sendError(res, 400, 'bad_request', '删除需要 rev');
			const result = await db.remove(storedId, rev);
			res.json({ ok: true, id: docId, rev: result.rev });
			return;
		}
		const problem = checkpointProblem(req.body, user);
		if (problem) return sendError(res, 400, 'bad_request', problem);
		const result = await db.put({ ...(req.body as object), _id: storedId });
		res.status(201).json({ ok: true, id: docId, rev: result.rev });
	} catch (error) {
		failed(res, error);
	}
}
