// Runs this repository's validate_doc_update functions on every write to an app database, as CouchDB runs a
// database's own. Replaces express-pouchdb's pouchdb-validation, which overwrote a replicated document's
// _revisions with the stored winner's history and so silently dropped every replicated update.
//
// One rule is stricter than Apache CouchDB's: a replicated revision (new_edits: false) whose ancestors are
// all unknown here is checked against the document's current revision, not as a new document. CouchDB passes
// no old document then, so a member could graft a forged branch onto any document they may create (see
// README, threat model); the design documents are written to make that harmless there too.
import { createHash, randomUUID } from 'node:crypto';
import createBulkDocsWrapper from 'pouchdb-bulkdocs-wrapper';
import wrappers from 'pouchdb-wrappers';
import type { DatabaseDesign, RepositoryDesign } from './design-code';
import type { SecurityObject, UserContext } from './front/user-context';

type Doc = {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	_revisions?: { start: number; ids: string[] };
	_attachments?: Record<string, { data?: unknown; digest?: string; stub?: boolean; content_type?: string }>;
} & Record<string, unknown>;

interface WriteOptions {
	userCtx?: UserContext;
	secObj?: SecurityObject;
	new_edits?: boolean;
}

interface WrapperArgs {
	base: PouchDB.Database;
	doc: Doc;
	docs: Doc[];
	options: WriteOptions;
	docId: string;
	attachmentId: string;
	rev?: string;
	type: string;
}

/** Shaped like PouchDB's own errors: express-pouchdb tells failures from results by `error`. */
class ValidationError extends Error {
	readonly error = true;
	constructor(
		readonly status: number,
		readonly name: string,
		message: string
	) {
		super(message);
	}
}

/** Writes from inside the server (no HTTP request) act as the server itself. */
const SERVER_CONTEXT: UserContext = { name: null, roles: ['_admin'] };
const MAX_ANCESTORS_CHECKED = 1000;

async function getRevision(db: PouchDB.Database, id: string, rev?: string): Promise<Doc | null> {
	try {
		return (await db.get(id, rev ? { rev } : {})) as unknown as Doc;
	} catch {
		return null;
	}
}

/** CouchDB's oldDoc: the nearest stored ancestor of a replicated revision, or the edited revision. */
async function previousRevision(db: PouchDB.Database, doc: Doc, options: WriteOptions): Promise<Doc | null> {
	if (options.new_edits !== false) return getRevision(db, doc._id, doc._rev);
	// A replicated revision sent without its history has no ancestor to name: it too meets the current one.
	if (!doc._revisions) return (await getRevision(db, doc._id, doc._rev)) ?? getRevision(db, doc._id);
	const { start, ids } = doc._revisions;
	const ancestors = ids.slice(1, MAX_ANCESTORS_CHECKED).map((id, index) => `${start - index - 1}-${id}`);
	if (ancestors.length > 0) {
		const missing = await db.revsDiff({ [doc._id]: ancestors });
		const unknown = new Set(missing[doc._id]?.missing ?? []);
		const nearest = ancestors.find((rev) => !unknown.has(rev));
		const known = nearest ? await getRevision(db, doc._id, nearest) : null;
		if (known) return known;
	}
	// No ancestor known (or its body compacted away): judge the write against what is there now.
	return getRevision(db, doc._id);
}

function md5Digest(data: unknown): string | undefined {
	let bytes: Uint8Array | null = null;
	if (typeof data === 'string') bytes = new Uint8Array(Buffer.from(data, 'base64'));
	else if (data instanceof Uint8Array) bytes = data;
	return bytes ? `md5-${createHash('md5').update(bytes).digest('base64')}` : undefined;
}

/** What validate_doc_update sees of attachments in CouchDB: stubs with their digest, never the data. */
function withAttachmentStubs(doc: Doc): Doc {
	const candidate = structuredClone({ ...doc, _attachments: undefined }) as Doc;
	if (!doc._attachments) {
		delete candidate._attachments;
		return candidate;
	}
	candidate._attachments = {};
	for (const [name, attachment] of Object.entries(doc._attachments)) {
		const digest = attachment.digest ?? md5Digest(attachment.data);
		candidate._attachments[name] = {
			stub: true,
			...(attachment.content_type ? { content_type: attachment.content_type } : {}),
			...(digest ? { digest } : {})
		};
	}
	return candidate;
}

function translate(error: unknown): ValidationError {
	const thrown = error as { forbidden?: string; unauthorized?: string; message?: string };
	if (thrown.forbidden !== undefined) return new ValidationError(403, 'forbidden', thrown.forbidden);
	if (thrown.unauthorized !== undefined) return new ValidationError(401, 'unauthorized', thrown.unauthorized);
	return new ValidationError(500, 'validation_error', thrown.message ?? String(error));
}

export function installValidation(
	db: PouchDB.Database,
	databaseName: string,
	design: DatabaseDesign,
	repository: RepositoryDesign,
	securityOf: (name: string) => Promise<SecurityObject>
): void {
	async function validate(doc: Doc, options: WriteOptions): Promise<void> {
		const userCtx = options.userCtx ?? SERVER_CONTEXT;
		if (doc._id.startsWith('_local/')) return;
		if (doc._id.startsWith('_design/')) {
			if (!userCtx.roles.includes('_admin'))
				throw new ValidationError(403, 'forbidden', '只有服务器管理员可以修改设计文档');
			if (doc._deleted || repository.isRepositoryDocument(databaseName, doc)) return;
			throw new ValidationError(
				403,
				'forbidden',
				'设计文档必须与代码库 sync/ddocs 中的一致（请运行 npm run setup）'
			);
		}
		const secObj =
			options.secObj && Object.keys(options.secObj).length > 0
				? options.secObj
				: await securityOf(databaseName);
		const oldDoc = await previousRevision(db, doc, options);
		// Validation sees a copy: what is stored is exactly what the client sent.
		const candidate = withAttachmentStubs(doc);
		for (const fn of design.validators) {
			try {
				fn(candidate, oldDoc, userCtx, secObj);
			} catch (error) {
				throw translate(error);
			}
		}
	}

	// put, post and remove reach PouchDB's bulkDocs with the request's options: validating there alone runs
	// the validators once per write (the put wrapper ran them a second time, each a read of the old document).
	// putAttachment and removeAttachment call put without the options, so they are checked as the user first.
	wrappers.installWrapperMethods(db, {
		bulkDocs: createBulkDocsWrapper((doc: Doc, args: WrapperArgs) => {
			doc._id = doc._id || randomUUID();
			return validate(doc, args.options);
		}),
		putAttachment: async (orig: () => Promise<unknown>, args: WrapperArgs) => {
			const current = (await getRevision(db, args.docId, args.rev)) ?? { _id: args.docId };
			const attachments = {
				...(current._attachments ?? {}),
				// For putAttachment, `doc` is the attachment's data.
				[args.attachmentId]: { content_type: args.type, data: args.doc as unknown }
			};
			await validate({ ...current, _attachments: attachments }, args.options);
			return orig();
		},
		removeAttachment: async (orig: () => Promise<unknown>, args: WrapperArgs) => {
			const current = await getRevision(db, args.docId, args.rev);
			if (current) {
				const attachments = { ...(current._attachments ?? {}) };
				delete attachments[args.attachmentId];
				await validate({ ...current, _attachments: attachments }, args.options);
			}
			return orig();
		}
	});
}
