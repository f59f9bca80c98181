// express-pouchdb ships no types; PouchDB 9's Node entry has the same API as pouchdb-core.
declare module 'express-pouchdb' {
	const expressPouchDB: (PouchDBOrOptions: unknown, options?: Record<string, unknown>) => unknown;
	export default expressPouchDB;
}
declare module 'pouchdb' {
	const PouchDB: PouchDB.Static;
	export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}
declare module 'pouchdb-wrappers' {
	const wrappers: { installWrapperMethods(db: unknown, handlers: Record<string, unknown>): void };
	export default wrappers;
}
declare module 'pouchdb-bulkdocs-wrapper' {
	const createBulkDocsWrapper: (handler: (doc: never, args: never) => Promise<void>) => unknown;
	export default createBulkDocsWrapper;
}
declare module 'pouchdb-selector-core' {
	export function matchesSelector(doc: object, selector: object): boolean;
}

declare module 'pouchdb-collate' {
	/** A string whose plain order is CouchDB's view collation of the key. */
	export function toIndexableString(key: unknown): string;
	export function collate(a: unknown, b: unknown): number;
}
