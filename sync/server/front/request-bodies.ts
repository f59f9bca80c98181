// Shape checks on JSON bodies before express-pouchdb sees them: a wrong shape is a 400 with a reason, never
// an exception deep in PouchDB (`_bulk_docs {"docs":"x"}` answered 500 with a stack trace and paths), and no
// body may reach _local/ or _design/ documents by naming them as an _id.
import type { MatchedRoute } from './route-table';
import { isServerAdmin, type UserContext } from './user-context';

const MAX_DOCS_PER_REQUEST = 10_000;

function isObject(value: unknown): value is Record<string, unknown> {
	return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Document ids a body may name: ordinary ones; design documents to read, or to write as the server admin;
 * never a _local document (replication checkpoints and the database's access list live there).
 */
export function documentIdProblem(id: unknown, user: UserContext, reading = false): string | null {
	if (id === undefined) return null;
	if (typeof id !== 'string' || id.length === 0) return '_id 必须是非空字符串';
	if (!id.startsWith('_')) return null;
	if (id.startsWith('_local/')) return '不能通过此接口读写 _local 文档';
	if (id.startsWith('_design/') && (reading || isServerAdmin(user))) return null;
	return `不允许的文档 ID: ${id}`;
}

function documentListProblem(docs: unknown, user: UserContext, idField: '_id' | 'id'): string | null {
	const reading = idField === 'id';
	if (!Array.isArray(docs)) return 'docs 必须是数组';
	if (docs.length > MAX_DOCS_PER_REQUEST) return `一次最多 ${MAX_DOCS_PER_REQUEST} 个文档`;
	for (const doc of docs) {
		if (!isObject(doc)) return 'docs 中的每一项都必须是对象';
		if (idField === 'id' && typeof doc.id !== 'string') return 'docs 中的每一项都必须有 id';
		const problem = documentIdProblem(doc[idField], user, reading);
		if (problem) return problem;
	}
	return null;
}

function keysProblem(body: Record<string, unknown>): string | null {
	if (body.keys === undefined) return null;
	if (!Array.isArray(body.keys)) return 'keys 必须是数组';
	for (const key of body.keys) {
		if (typeof key === 'string' && key.startsWith('_local/')) return '不能通过此接口读取 _local 文档';
	}
	return null;
}

/** What is wrong with a parsed JSON body for this route, or null when it may go on. */
export function jsonBodyProblem(route: MatchedRoute, body: unknown, user: UserContext): string | null {
	if (body === undefined) return null;
	if (!isObject(body)) return '请求体必须是 JSON 对象';
	switch (route.name) {
		case 'bulkDocs':
			if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean')
				return 'new_edits 必须是布尔值';
			return documentListProblem(body.docs, user, '_id');
		case 'bulkGet':
			return documentListProblem(body.docs, user, 'id');
		case 'revsDiff':
			for (const [id, revs] of Object.entries(body)) {
				const problem = documentIdProblem(id, user, true);
				if (problem) return problem;
				if (!isStringArray(revs)) return '_revs_diff 的每个值都必须是修订号数组';
			}
			return null;
		case 'allDocs':
		case 'view':
			return keysProblem(body);
		case 'changes':
			if (body.doc_ids !== undefined && !isStringArray(body.doc_ids)) return 'doc_ids 必须是字符串数组';
			if (body.selector !== undefined && !isObject(body.selector)) return 'selector 必须是对象';
			return null;
		case 'document':
		case 'designDocument':
			if (body._id !== undefined && body._id !== route.docId) return '请求体中的 _id 与路径不一致';
			return null;
		case 'database':
			return documentIdProblem(body._id, user);
		default:
			return null;
	}
}

/** Query parameters that could name a _local document in a read. */
export function queryProblem(route: MatchedRoute, query: Record<string, unknown>): string | null {
	if (route.name !== 'allDocs' && route.name !== 'view') return null;
	for (const name of ['key', 'keys', 'startkey', 'start_key', 'endkey', 'end_key']) {
		const value = query[name];
		if (typeof value === 'string' && value.includes('_local/')) return '不能通过此接口读取 _local 文档';
	}
	return null;
}
