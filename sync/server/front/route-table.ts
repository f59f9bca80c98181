// Every route the embedded server answers, in one list: what the app and CouchDB replication need, and who
// may call each. A request that matches no row is refused before anything reads its body (deny by default:
// no Fauxton, _config, _utils, _replicate, temporary views, show/list/update functions, form uploads).

export type Access = 'anyone' | 'member' | 'serverAdmin';
/**
 * How a body is read: not at all, as JSON, or raw (attachments). No multipart: express-pouchdb's
 * multipart/related parser is not CouchDB's (it wants file names) and throws on a malformed part.
 */
export type BodyKind = 'none' | 'json' | 'raw';

export type RouteName =
	| 'serverInfo'
	| 'up'
	| 'session'
	| 'allDbs'
	| 'database'
	| 'allDocs'
	| 'changes'
	| 'bulkDocs'
	| 'bulkGet'
	| 'revsDiff'
	| 'find'
	| 'ensureFullCommit'
	| 'security'
	| 'compact'
	| 'viewCleanup'
	| 'localDocument'
	| 'designDocument'
	| 'view'
	| 'document'
	| 'attachment';

export interface MethodRule {
	access: Access;
	body: BodyKind;
	/** Largest body accepted, in bytes; checked against Content-Length before reading, and while reading. */
	maxBytes: number;
}

const KB = 1024;
const MB = 1024 * KB;
/** CouchDB's own default max_document_size. */
export const MAX_DOCUMENT_BYTES = 8 * MB;
/** A push of 100 documents with waveforms (about 0.65 MB each for a 60-minute call). */
export const MAX_BULK_BYTES = 80 * MB;
/** A 60-minute stereo WAV at 16 kHz, 16-bit is 230 MB. */
export const MAX_ATTACHMENT_BYTES = 300 * MB;
/** Replication checkpoints are a few hundred bytes; CouchDB's keep a short history. */
export const MAX_LOCAL_DOCUMENT_BYTES = 64 * KB;

const read = (access: Access = 'member'): MethodRule => ({ access, body: 'none', maxBytes: 0 });
const write = (access: Access, body: BodyKind, maxBytes: number): MethodRule => ({ access, body, maxBytes });

/** The one list. A method missing from a row is refused; system databases (_users, _replicator) need a server admin. */
export const ROUTE_TABLE: Record<RouteName, Partial<Record<string, MethodRule>>> = {
	serverInfo: { GET: read('anyone') },
	up: { GET: read('anyone') },
	session: {
		GET: read('anyone'),
		POST: write('anyone', 'json', 4 * KB),
		DELETE: read('anyone')
	},
	allDbs: { GET: read('serverAdmin') },
	database: {
		GET: read(),
		PUT: write('serverAdmin', 'none', 0),
		DELETE: read('serverAdmin'),
		POST: write('serverAdmin', 'json', MAX_DOCUMENT_BYTES)
	},
	allDocs: { GET: read(), POST: write('member', 'json', 4 * MB) },
	changes: { GET: read(), POST: write('member', 'json', 4 * MB) },
	bulkDocs: { POST: write('member', 'json', MAX_BULK_BYTES) },
	bulkGet: { POST: write('member', 'json', 4 * MB) },
	revsDiff: { POST: write('member', 'json', 16 * MB) },
	find: { POST: write('serverAdmin', 'json', 64 * KB) },
	ensureFullCommit: { POST: write('member', 'json', KB) },
	security: { GET: read('serverAdmin'), PUT: write('serverAdmin', 'json', 64 * KB) },
	compact: { POST: write('serverAdmin', 'json', KB) },
	viewCleanup: { POST: write('serverAdmin', 'json', KB) },
	localDocument: {
		GET: read(),
		PUT: write('member', 'json', MAX_LOCAL_DOCUMENT_BYTES),
		DELETE: read()
	},
	designDocument: {
		GET: read(),
		PUT: write('serverAdmin', 'json', MAX_DOCUMENT_BYTES),
		DELETE: read('serverAdmin')
	},
	view: { GET: read(), POST: write('member', 'json', 4 * MB) },
	document: {
		GET: read(),
		PUT: write('member', 'json', MAX_DOCUMENT_BYTES),
		DELETE: read()
	},
	attachment: {
		GET: read(),
		PUT: write('member', 'raw', MAX_ATTACHMENT_BYTES),
		DELETE: read()
	}
};

export interface MatchedRoute {
	name: RouteName;
	database?: string;
	/** Document id (with its _design/ or _local/ prefix), for document, attachment, design and local routes. */
	docId?: string;
	attachment?: string;
	view?: string;
}

const DATABASE_ROUTES: Partial<Record<string, RouteName>> = {
	_all_docs: 'allDocs',
	_changes: 'changes',
	_bulk_docs: 'bulkDocs',
	_bulk_get: 'bulkGet',
	_revs_diff: 'revsDiff',
	_find: 'find',
	_ensure_full_commit: 'ensureFullCommit',
	_security: 'security',
	_compact: 'compact',
	_view_cleanup: 'viewCleanup'
};
const SERVER_ROUTES: Partial<Record<string, RouteName>> = {
	_session: 'session',
	_up: 'up',
	_all_dbs: 'allDbs'
};
/** CouchDB's rule for database names; _users and _replicator are the only system databases we keep. */
const DATABASE_NAME = /^(?:[a-z][a-z0-9_$()+/-]*|_users|_replicator)$/;

/** Splits the raw path (still percent-encoded) into decoded segments; null when it cannot be decoded. */
export function pathSegments(rawPath: string): string[] | null {
	const path = rawPath.split('?')[0]!;
	try {
		return path
			.split('/')
			.filter((part) => part.length > 0)
			.map((part) => decodeURIComponent(part));
	} catch {
		return null;
	}
}

/** Which row of the table a path is, or null for every path the server does not answer. */
export function matchRoute(rawPath: string): MatchedRoute | null {
	const parts = pathSegments(rawPath);
	if (!parts) return null;
	const [first, second, ...rest] = parts;
	if (first === undefined) return { name: 'serverInfo' };
	if (!DATABASE_NAME.test(first)) {
		const server = parts.length === 1 ? SERVER_ROUTES[first] : undefined;
		return server ? { name: server } : null;
	}
	const database = first;
	if (second === undefined) return { name: 'database', database };
	if (second === '_local') {
		const id = rest.join('/');
		return rest.length >= 1 && id ? { name: 'localDocument', database, docId: `_local/${id}` } : null;
	}
	if (second === '_design') {
		const [ddoc, sub, view, ...extra] = rest;
		if (!ddoc) return null;
		const docId = `_design/${ddoc}`;
		if (sub === undefined) return { name: 'designDocument', database, docId };
		if (sub === '_view' && view && extra.length === 0)
			return { name: 'view', database, docId, view: `${ddoc}/${view}` };
		return null;
	}
	if (second.startsWith('_')) {
		const sub = rest.length === 0 ? DATABASE_ROUTES[second] : undefined;
		return sub ? { name: sub, database } : null;
	}
	if (rest.length === 0) return { name: 'document', database, docId: second };
	return { name: 'attachment', database, docId: second, attachment: rest.join('/') };
}

/** The rule for a method on a matched route (HEAD is GET without a body), or null when it is not answered. */
export function ruleFor(route: MatchedRoute, method: string): MethodRule | null {
	const row = ROUTE_TABLE[route.name];
	const rule = row[method === 'HEAD' ? 'GET' : method];
	if (!rule) return null;
	const systemDatabase = route.database?.startsWith('_');
	return systemDatabase ? { ...rule, access: 'serverAdmin' } : rule;
}
