// _local documents hold replication checkpoints. A user's are kept under their own prefix, so nobody reaches
// another user's checkpoints, or _local/_security (where the database's access list is stored), whatever id
// they ask for; and they may hold only what a checkpoint holds (PouchDB's or CouchDB's), within a size limit.
import type { UserContext } from './user-context';
import { isServerAdmin } from './user-context';

const LOCAL_PREFIX = '_local/';
const CHECKPOINT_FIELDS = new Set([
	'_id',
	'_rev',
	'session_id',
	'last_seq',
	'source_last_seq',
	'history',
	'replicator',
	'version',
	'replication_id_version'
]);

function hex(text: string): string {
	return Buffer.from(text, 'utf8').toString('hex');
}

/** The id a user's _local document is stored under; the server admin's are stored as asked. */
export function storedLocalId(docId: string, user: UserContext): string {
	if (isServerAdmin(user)) return docId;
	return `${LOCAL_PREFIX}~${hex(user.name ?? '')}~${docId.slice(LOCAL_PREFIX.length)}`;
}

export function checkpointProblem(body: unknown, user: UserContext): string | null {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return '文档必须是 JSON 对象';
	if (isServerAdmin(user)) return null;
	for (const key of Object.keys(body)) {
		if (!CHECKPOINT_FIELDS.has(key)) return `_local 文档只能保存同步检查点（不支持字段 ${key}）`;
	}
	return null;
}
