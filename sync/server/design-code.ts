// The only design-document code the embedded server runs: this repository's own (sync/ddocs), built at start.
// Validators and filters are compiled from the repository, never from what a database stores; a stored design
// document is accepted only when it equals the repository's, so views (which PouchDB runs from the stored
// source) are the repository's code too. node:vm is not a sandbox, so foreign code must never run at all.
import { canonicalJson } from '../canonical-json';
import { buildDesignDocuments, type DesignDocument } from '../ddocs/build-design-docs';
import {
	agentFeedbackDatabase,
	agentQaDatabase,
	calibrationDatabase,
	databases,
	personalDatabaseSpec,
	type DatabaseSpec
} from '../../src/lib/db/catalog';
import type { UserContext } from './front/user-context';

export type ValidateFunction = (
	newDoc: Record<string, unknown>,
	oldDoc: Record<string, unknown> | null,
	userCtx: UserContext,
	secObj: object
) => void;
export type FilterFunction = (
	doc: Record<string, unknown>,
	req: { query: Record<string, unknown> }
) => unknown;

export interface DatabaseDesign {
	spec: DatabaseSpec;
	designDocuments: DesignDocument[];
	validators: ValidateFunction[];
	/** "app/for-agent" → the compiled filter. */
	filters: Map<string, FilterFunction>;
	/** "app/open-items" → the view's map and reduce source, to compare with what is stored. */
	views: Map<string, { map: string; reduce?: string }>;
}

/** Our own ES5 source from sync/ddocs, compiled in this realm: it is the repository's code, not a document's. */
function compileFunction<T>(source: string): T {
	return new Function(`"use strict"; return (${source});`)() as T;
}

function designOf(spec: DatabaseSpec): DatabaseDesign {
	const designDocuments = buildDesignDocuments(spec.designFolder, spec.documentTypes);
	const design: DatabaseDesign = {
		spec,
		designDocuments,
		validators: [],
		filters: new Map(),
		views: new Map()
	};
	for (const ddoc of designDocuments) {
		const name = ddoc._id.slice('_design/'.length);
		if (ddoc.validate_doc_update) design.validators.push(compileFunction(ddoc.validate_doc_update));
		for (const [filter, source] of Object.entries(ddoc.filters ?? {}))
			design.filters.set(`${name}/${filter}`, compileFunction(source));
		for (const [view, code] of Object.entries(ddoc.views ?? {})) design.views.set(`${name}/${view}`, code);
	}
	return design;
}

function withoutRevisionFields(doc: Record<string, unknown>): Record<string, unknown> {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(doc))
		if (key !== '_rev' && key !== '_revisions') copy[key] = value;
	return copy;
}

const WRITES_REFUSED: DatabaseDesign = {
	spec: { designFolder: '', documentTypes: [], readerRoles: ['admin'] },
	designDocuments: [],
	validators: [
		(_newDoc, _oldDoc, userCtx) => {
			const reason = '这个数据库不接受写入（没有它的校验规则）';
			if (!userCtx.roles.includes('_admin')) throw Object.assign(new Error(reason), { forbidden: reason });
		}
	],
	filters: new Map(),
	views: new Map()
};

export class RepositoryDesign {
	readonly #byFolder = new Map<string, DatabaseDesign>();

	constructor() {
		for (const spec of [
			...Object.values(databases),
			agentQaDatabase,
			agentFeedbackDatabase,
			calibrationDatabase
		])
			this.#byFolder.set(spec.designFolder, designOf(spec));
	}

	/**
	 * The design of an app database, or undefined for system databases. Any other database, or one whose
	 * folder was never registered here, gets a design that refuses every write but the server admin's: deny
	 * by default, so a database added to the catalog without its validator cannot take members' writes.
	 */
	forDatabase(name: string): DatabaseDesign | undefined {
		if (name.startsWith('_')) return undefined;
		const spec = databases[name] ?? personalDatabaseSpec(name);
		return (spec && this.#byFolder.get(spec.designFolder)) ?? WRITES_REFUSED;
	}

	/** Whether a design document (as written or as stored) is exactly the repository's for this database. */
	isRepositoryDocument(database: string, doc: Record<string, unknown>): boolean {
		const design = this.forDatabase(database);
		const built = design?.designDocuments.find((ddoc) => ddoc._id === doc._id);
		return Boolean(built) && canonicalJson(withoutRevisionFields(doc)) === canonicalJson(built);
	}
}
