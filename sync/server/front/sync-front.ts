// The door of the embedded server: every request is matched against the route table, its user identified,
// its access decided and its body checked before anything else runs. What passes goes to our own handlers
// (_session, _changes, _local, _security) or to express-pouchdb, which only ever sees allowed requests.
import type { NextFunction, Request, Response } from 'express';
import type { Authenticator } from '../auth/authenticator';
import type { RepositoryDesign } from '../design-code';
import { aggregateQuery, type AggregateViews } from '../views/aggregate-views';
import { rangeQuery, type MemoryViews } from '../views/memory-views';
import { readBody } from './body-reader';
import { serveChanges } from './changes-handler';
import type { ChangesHub } from './changes-feed';
import { serveLocalDocument } from './local-handler';
import { sendError } from './responses';
import { jsonBodyProblem, queryProblem } from './request-bodies';
import { matchRoute, ruleFor, type MatchedRoute, type MethodRule } from './route-table';
import { securityObjectProblem, type SecurityObjects } from './security-objects';
import { isMember, isServerAdmin, type SecurityObject, type UserContext } from './user-context';

type Handler = (req: Request, res: Response, next: NextFunction) => void;

export interface SyncFrontParts {
	authenticator: Authenticator;
	security: SecurityObjects;
	databaseExists(name: string): boolean;
	openDatabase(name: string): Promise<PouchDB.Database>;
	repository: RepositoryDesign;
	changes: ChangesHub;
	/** Reduced reads of views with built-in reducers (PouchDB reduces at read time, far too slowly at scale). */
	aggregates: AggregateViews;
	memoryViews: MemoryViews;
	/** express-pouchdb, reached only by requests the front has allowed. */
	pouch: Handler;
}

interface CouchRequest extends Request {
	couchSession?: { ok: true; userCtx: UserContext; info: object };
	couchSecurityObj?: SecurityObject;
}

/** Paths with empty segments are refused: express-pouchdb would read them differently from the table. */
const CANONICAL_PATH = /^(?:\/[^/]+)*\/?$/;

function refuse(res: Response, user: UserContext, reason: string): void {
	if (user.name) sendError(res, 403, 'forbidden', reason);
	else sendError(res, 401, 'unauthorized', '请先登录');
}

export function createSyncFront(parts: SyncFrontParts): Handler {
	async function checkAccess(
		route: MatchedRoute,
		method: string,
		rule: MethodRule,
		user: UserContext,
		res: Response
	): Promise<{ security: SecurityObject } | null> {
		if (rule.access === 'serverAdmin' && !isServerAdmin(user)) {
			refuse(res, user, '只有服务器管理员可以执行此操作');
			return null;
		}
		if (!route.database) return { security: {} };
		const creating = route.name === 'database' && method === 'PUT';
		if (!creating && !parts.databaseExists(route.database)) {
			if (!user.name) refuse(res, user, '');
			else sendError(res, 404, 'not_found', '数据库不存在');
			return null;
		}
		const security = creating ? {} : await parts.security.get(route.database);
		if (rule.access === 'member' && !isMember(user, security)) {
			refuse(res, user, '你没有访问此数据库的权限');
			return null;
		}
		return { security };
	}

	async function checkView(route: MatchedRoute, res: Response): Promise<boolean> {
		const design = parts.repository.forDatabase(route.database!);
		if (!design?.views.has(route.view!)) {
			sendError(res, 404, 'not_found', `没有视图 ${route.view}`);
			return false;
		}
		const db = await parts.openDatabase(route.database!);
		const stored = await db.get(route.docId!).catch(() => null);
		if (
			!stored ||
			!parts.repository.isRepositoryDocument(route.database!, stored as unknown as Record<string, unknown>)
		) {
			sendError(res, 409, 'design_mismatch', '设计文档与代码库不一致，请运行 npm run setup');
			return false;
		}
		return true;
	}

	async function handle(req: Request, res: Response, next: NextFunction): Promise<void> {
		const path = req.url.split('?')[0]!;
		const route = CANONICAL_PATH.test(path) ? matchRoute(req.url) : null;
		if (!route) return sendError(res, 404, 'not_found', '不支持的路径');
		const rule = ruleFor(route, req.method);
		if (!rule) return sendError(res, 405, 'method_not_allowed', `此路径不支持 ${req.method}`);

		const identity = await parts.authenticator.identify(req);
		if (!identity.ok) {
			if (identity.retryAfterSeconds) res.setHeader('Retry-After', String(identity.retryAfterSeconds));
			return sendError(
				res,
				identity.status,
				identity.status === 429 ? 'too_many_requests' : 'unauthorized',
				identity.reason
			);
		}
		const user = identity.user;
		const access = await checkAccess(route, req.method, rule, user, res);
		if (!access) return;
		// The first request to a database with in-memory views (an inspector's sync) starts building them.
		if (route.database) parts.memoryViews.warm(route.database);

		const body = await readBody(req, res, rule);
		if (!body.ok) {
			return sendError(res, body.status, body.status === 413 ? 'too_large' : 'bad_request', body.reason);
		}
		const problem =
			jsonBodyProblem(route, req.body, user) ?? queryProblem(route, req.query as Record<string, unknown>);
		if (problem) return sendError(res, 400, 'bad_request', problem);

		switch (route.name) {
			case 'session':
				if (req.method === 'POST') return parts.authenticator.signIn(req, res);
				if (req.method === 'DELETE') return parts.authenticator.signOut(req, res);
				res.json({
					ok: true,
					userCtx: user,
					info: {
						authentication_handlers: ['cookie', 'default'],
						...(identity.via ? { authenticated: identity.via } : {})
					}
				});
				return;
			case 'up':
				res.json({ status: 'ok' });
				return;
			case 'security':
				if (req.method === 'GET') {
					res.json(access.security);
					return;
				}
				{
					const shape = securityObjectProblem(req.body);
					if (shape) return sendError(res, 400, 'bad_request', shape);
					await parts.security.put(route.database!, req.body as SecurityObject);
					res.json({ ok: true });
				}
				return;
			case 'changes':
				return serveChanges(req, res, {
					db: await parts.openDatabase(route.database!),
					name: route.database!,
					filters: parts.repository.forDatabase(route.database!)?.filters ?? new Map(),
					hub: parts.changes
				});
			case 'viewCleanup':
				// express-pouchdb's route never answered here (under its security wrappers); PouchDB's own call does.
				await (await parts.openDatabase(route.database!)).viewCleanup();
				res.status(202).json({ ok: true });
				return;
			case 'localDocument':
				return serveLocalDocument(req, res, await parts.openDatabase(route.database!), route.docId!, user);
			case 'view': {
				if (!(await checkView(route, res))) return;
				const query = aggregateQuery(req);
				const designViews = parts.repository.forDatabase(route.database!)?.views;
				const code = designViews?.get(route.view!);
				const range = rangeQuery(req);
				const mapped = range ? await parts.memoryViews.read(route.database!, route.view!, range) : null;
				if (mapped) return void res.json({ total_rows: mapped.total_rows, offset: 0, rows: mapped.rows });
				const rows =
					query && code
						? await parts.aggregates.read(route.database!, route.view!, code, query, designViews)
						: null;
				if (rows) return void res.json({ rows });
				break;
			}
			default:
				break;
		}
		const couchRequest = req as CouchRequest;
		couchRequest.couchSession = { ok: true, userCtx: { name: user.name, roles: [...user.roles] }, info: {} };
		couchRequest.couchSecurityObj = access.security;
		parts.pouch(req, res, next);
	}

	return (req, res, next) => {
		handle(req, res, next).catch((error: unknown) => {
			console.error(`sync server: ${req.method} ${req.url.split('?')[0]} failed:`, (error as Error).message);
			sendError(res, 500, 'internal_error', '服务器内部错误');
		});
	};
}
