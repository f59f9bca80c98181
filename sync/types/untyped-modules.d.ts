// express-pouchdb ships no types; PouchDB 9's Node entry has the same API as pouchdb-core.
declare module 'express-pouchdb' {
	const expressPouchDB: (PouchDB: unknown, options?: Record<string, unknown>) => unknown;
	export default expressPouchDB;
}
declare module 'pouchdb' {
	const PouchDB: PouchDB.Static;
	export default PouchDB;
}
