// What is stored where: each signed-in user has their own IndexedDB copies of what their roles may read (kb,
// feedback, qa, their own qa-agent-*; which server database each one copies is replication-plan.ts), named
// <user>$<db>, so people sharing a PC never see each other's data. PouchDB is imported only in this folder.
import PouchDB from 'pouchdb-browser';

export type LocalDatabase = PouchDB.Database;

const opened = new Map<string, LocalDatabase>();

export function localDatabaseName(userName: string, database: string): string {
	return `${userName}$${database}`;
}

export function openLocalDatabase(userName: string, database: string): LocalDatabase {
	const name = localDatabaseName(userName, database);
	let db = opened.get(name);
	if (!db) {
		// auto_compaction keeps old revision bodies from piling up in a long-running browser.
		db = new PouchDB(name, { auto_compaction: true });
		opened.set(name, db);
	}
	return db;
}

/** Removes a local database and everything in it (a copy the user may no longer hold). */
export async function destroyLocalDatabase(userName: string, database: string): Promise<void> {
	const db = openLocalDatabase(userName, database);
	opened.delete(localDatabaseName(userName, database));
	await db.destroy();
}

export async function closeLocalDatabases(): Promise<void> {
	const all = [...opened.values()];
	opened.clear();
	await Promise.all(all.map((db) => db.close()));
}
