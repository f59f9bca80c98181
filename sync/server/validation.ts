// Runs design documents' validate_doc_update on every write to the embedded server, as CouchDB does.
// Replaces express-pouchdb's pouchdb-validation, which overwrites a replicated document's _revisions with
// the stored winner's history and so silently drops every replicated update (new_edits: false).
import { randomUUID } from 'node:crypto';
import vm from 'node:vm';
import createBulkDocsWrapper from 'pouchdb-bulkdocs-wrapper';
import wrappers from 'pouchdb-wrappers';
import type { SecurityObject, UserContext } from './access-rules';

type Doc = {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	_revisions?: { start: number; ids: string[] };
} & Record<string, unknown>;
type ValidateFunction = (
	newDoc: Doc,
	oldDoc: Doc | null,
	userCtx: UserContext,
	secObj: SecurityObject
) => void;

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

/** Requests from HTTP always carry a user; internal writes (the server's own replicator) act as the server. */
const SERVER_CONTEXT: UserContext = { name: null, roles: ['_admin'] };
const compiled = new Map<string, ValidateFunction>();

function compile(ddoc: { _id: string; _rev: string; validate_doc_update: string }): ValidateFunction {
	const key = `${ddoc._id}@${ddoc._rev}`;
	let fn = compiled.get(key);
	if (!fn) {
		const log = (message: unknown) => console.log(`[${ddoc._id}]`, message);
		fn = vm.runInNewContext(`(${ddoc.validate_doc_update})`, { log }) as ValidateFunction;
		compiled.set(key, fn);
	}
	return fn;
}

async function validateFunctions(db: PouchDB.Database): Promise<ValidateFunction[]> {
	const result = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
	return result.rows.flatMap((row) => {
		const ddoc = row.doc as unknown as
			{ _id: string; _rev: string; validate_doc_update?: string } | undefined;
		return ddoc?.validate_doc_update ? [compile(ddoc as Required<typeof ddoc>)] : [];
	});
}

async function getRevision(db: PouchDB.Database, id: string, rev?: string): Promise<Doc | null> {
	try {
		return (await db.get(id, rev ? { rev } : {})) as unknown as Doc;
	} catch {
		return null;
	}
}

/** CouchDB's oldDoc: the nearest stored ancestor of the incoming revision, or the current one for a plain edit. */
async function previousRevision(db: PouchDB.Database, doc: Doc, options: WriteOptions): Promise<Doc | null> {
	if (options.new_edits === false && doc._revisions) {
		const { start, ids } = doc._revisions;
		for (let index = 1; index < Math.min(ids.length, 10); index++) {
			const ancestor = await getRevision(db, doc._id, `${start - index}-${ids[index]}`);
			if (ancestor) return ancestor;
		}
		return null;
	}
	return getRevision(db, doc._id, doc._rev);
}

/** express-pouchdb hands the security object to single-document writes only; _bulk_docs (every push) needs it too. */
async function securityObject(db: PouchDB.Database, options: WriteOptions): Promise<SecurityObject> {
	if (options.secObj && Object.keys(options.secObj).length > 0) return options.secObj;
	try {
		return ((await db.get('_local/_security')) as unknown as { security?: SecurityObject }).security ?? {};
	} catch {
		return {};
	}
}

async function validate(db: PouchDB.Database, doc: Doc, options: WriteOptions): Promise<void> {
	if (doc._id.startsWith('_design/') || doc._id.startsWith('_local/')) return;
	const functions = await validateFunctions(db);
	if (functions.length === 0) return;
	const secObj = await securityObject(db, options);
	const oldDoc = await previousRevision(db, doc, options);
	// Validation sees a copy: what is stored is exactly what the client sent.
	const candidate = structuredClone(doc);
	for (const fn of functions) {
		try {
			fn(candidate, oldDoc, options.userCtx ?? SERVER_CONTEXT, secObj);
		} catch (error) {
			const thrown = error as { forbidden?: string; unauthorized?: string; message?: string };
			if (thrown.forbidden !== undefined) throw new ValidationError(403, 'forbidden', thrown.forbidden);
			if (thrown.unauthorized !== undefined)
				throw new ValidationError(401, 'unauthorized', thrown.unauthorized);
			throw new ValidationError(500, 'validation_error', thrown.message ?? String(error));
		}
	}
}

const handlers = {
	put: (orig: () => Promise<unknown>, args: WrapperArgs) =>
		validate(args.base, args.doc, args.options).then(orig),
	post: (orig: () => Promise<unknown>, args: WrapperArgs) => {
		args.doc._id = args.doc._id || randomUUID();
		return validate(args.base, args.doc, args.options).then(orig);
	},
	remove: (orig: () => Promise<unknown>, args: WrapperArgs) =>
		validate(args.base, { ...args.doc, _deleted: true }, args.options).then(orig),
	bulkDocs: createBulkDocsWrapper((doc: Doc, args: WrapperArgs) => {
		doc._id = doc._id || randomUUID();
		return validate(args.base, doc, args.options);
	}),
	putAttachment: async (orig: () => Promise<unknown>, args: WrapperArgs) => {
		const current = (await getRevision(args.base, args.docId, args.rev)) ?? { _id: args.docId };
		const attachments = {
			...((current._attachments as object) ?? {}),
			[args.attachmentId]: { content_type: args.type }
		};
		await validate(args.base, { ...current, _attachments: attachments }, args.options);
		return orig();
	},
	removeAttachment: async (orig: () => Promise<unknown>, args: WrapperArgs) => {
		const current = await getRevision(args.base, args.docId, args.rev);
		if (current) {
			const attachments = { ...((current._attachments as Record<string, unknown>) ?? {}) };
			delete attachments[args.attachmentId];
			await validate(args.base, { ...current, _attachments: attachments }, args.options);
		}
		return orig();
	}
};

export function installValidation(db: PouchDB.Database): void {
	wrappers.installWrapperMethods(db, handlers);
}
