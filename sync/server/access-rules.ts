// Who may call which route of the sync server: CouchDB's _security semantics, enforced on every route
// (express-pouchdb 4 leaves _find, _bulk_get, views and others open to non-members).

export interface UserContext {
	name: string | null;
	roles: string[];
}

export interface SecurityObject {
	admins?: { names?: string[]; roles?: string[] };
	members?: { names?: string[]; roles?: string[] };
}

export interface RouteRequest {
	method: string;
	/** Path below the server root, e.g. /kb/_find. */
	path: string;
	contentType: string | undefined;
	/** Ids of the documents in a write body (_bulk_docs docs or POST /db), when the body is JSON. */
	bodyDocumentIds: string[];
}

export type AccessDecision =
	{ allow: true } | { allow: false; status: 401 | 403 | 404 | 415; error: string; reason: string };

const ALLOW: AccessDecision = { allow: true };
/** Server routes open to everyone; every other route starting with "_" needs a server admin. */
const PUBLIC_SERVER_ROUTES = new Set(['', '_session', '_uuids', '_up']);
/** Database sub-routes that change the database itself, not its documents: database admins only. */
const DATABASE_ADMIN_ROUTES = new Set(['_security', '_compact', '_view_cleanup', '_revs_limit', '_purge']);

function isServerAdmin(user: UserContext): boolean {
	return user.roles.includes('_admin');
}

function listed(group: { names?: string[]; roles?: string[] } | undefined, user: UserContext): boolean {
	if (!group) return false;
	if (user.name && group.names?.includes(user.name)) return true;
	return user.roles.some((role) => group.roles?.includes(role));
}

function hasMembers(security: SecurityObject): boolean {
	return Boolean(security.members?.names?.length || security.members?.roles?.length);
}

function refuse(user: UserContext, reason: string): AccessDecision {
	return user.name
		? { allow: false, status: 403, error: 'forbidden', reason }
		: { allow: false, status: 401, error: 'unauthorized', reason: '请先登录' };
}

export function splitPath(path: string): string[] {
	return path
		.split('?')[0]!
		.split('/')
		.filter((part) => part.length > 0)
		.map((part) => decodeURIComponent(part));
}

/** Decisions that need no database lookup: server routes and creating or deleting databases. */
export function decideServerRoute(request: RouteRequest, user: UserContext): AccessDecision | null {
	const [first = '', ...rest] = splitPath(request.path);
	if (first.startsWith('_') || first === '') {
		if (PUBLIC_SERVER_ROUTES.has(first)) return ALLOW;
		return isServerAdmin(user) ? ALLOW : refuse(user, '只有服务器管理员可以访问');
	}
	if (rest.length === 0 && (request.method === 'PUT' || request.method === 'DELETE')) {
		return isServerAdmin(user) ? ALLOW : refuse(user, '只有服务器管理员可以创建或删除数据库');
	}
	return null;
}

const JSON_BODY_METHODS = new Set(['PUT', 'POST']);

function acceptsBody(request: RouteRequest, parts: string[]): boolean {
	const type = (request.contentType ?? '').split(';')[0]!.trim().toLowerCase();
	if (type === 'application/json') return true;
	// Attachments carry their own media type; CouchDB-to-CouchDB replication may PUT multipart documents.
	const isAttachment =
		parts[1] === '_design' ? parts.length >= 4 : parts.length >= 3 && !parts[1]!.startsWith('_');
	if (isAttachment) return true;
	return type === 'multipart/related' && request.method === 'PUT' && parts.length === 2;
}

/** Decisions on a route inside an existing database, given its _security object. */
export function decideDatabaseRoute(
	request: RouteRequest,
	user: UserContext,
	security: SecurityObject
): AccessDecision {
	const parts = splitPath(request.path);
	const databaseAdmin = isServerAdmin(user) || listed(security.admins, user);
	const member = databaseAdmin || !hasMembers(security) || listed(security.members, user);
	if (!member) return refuse(user, '你没有访问此数据库的权限');

	const sub = parts[1] ?? '';
	const writes = request.method !== 'GET' && request.method !== 'HEAD';
	if (writes && JSON_BODY_METHODS.has(request.method) && !acceptsBody(request, parts)) {
		return {
			allow: false,
			status: 415,
			error: 'bad_content_type',
			reason: 'Content-Type 必须是 application/json'
		};
	}
	if (databaseAdmin) return ALLOW;
	if (DATABASE_ADMIN_ROUTES.has(sub) && (writes || sub !== '_security')) {
		return refuse(user, '只有数据库管理员可以执行此操作');
	}
	const touchesDesign = sub === '_design' || request.bodyDocumentIds.some((id) => id.startsWith('_design/'));
	if (writes && touchesDesign && !isReadOnlyPost(parts))
		return refuse(user, '只有数据库管理员可以修改设计文档');
	return ALLOW;
}

/** POSTs that only read: view queries with keys, _find, _all_docs with keys, _bulk_get, _revs_diff. */
function isReadOnlyPost(parts: string[]): boolean {
	const last = parts[parts.length - 1] ?? '';
	return (
		['_find', '_all_docs', '_bulk_get', '_revs_diff', '_explain'].includes(last) || parts.includes('_view')
	);
}
