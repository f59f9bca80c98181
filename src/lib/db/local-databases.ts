// What is stored where: each signed-in user has their own IndexedDB copies of the databases their roles may
// read (kb, feedback, qa, their own qa-agent-*), named <user>$<db>, so people sharing a PC never see each
// other's data. PouchDB is imported only in this folder.
import PouchDB from 'pouchdb-browser';
import { agentQaDatabaseName, databases, FEEDBACK_DB, KNOWLEDGE_DB, QA_DB, type Role } from './catalog';

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

/** The server databases this user replicates, derived from the same catalog as the server's _security. */
export function databasesForUser(userName: string, roles: Role[]): string[] {
	const names = [KNOWLEDGE_DB, FEEDBACK_DB, QA_DB].filter((name) =>
		databases[name]!.readerRoles.some((role) => roles.includes(role))
	);
	if (roles.includes('agent')) names.push(agentQaDatabaseName(userName));
	return names;
}

export async function closeLocalDatabases(): Promise<void> {
	const all = [...opened.values()];
	opened.clear();
	await Promise.all(all.map((db) => db.close()));
}
