// The _users database: a password written in a user document is replaced by its hash before it is stored
// (as Apache CouchDB does), and a changed password or a removed user ends that user's sessions.
import wrappers from 'pouchdb-wrappers';
import { hashPassword } from './password-hash';
import type { SessionStore } from './session-store';
import { userNameFromId, type UserDirectory } from './user-directory';

type UserDoc = { _id?: string; _deleted?: boolean; password?: unknown } & Record<string, unknown>;

export function installUsersDatabase(
	db: PouchDB.Database,
	users: UserDirectory,
	sessions: SessionStore
): void {
	async function prepare(doc: UserDoc): Promise<void> {
		const name = doc._id ? userNameFromId(doc._id) : null;
		if (typeof doc.password === 'string') {
			Object.assign(doc, await hashPassword(doc.password));
			delete doc.password;
			if (name) sessions.closeAllOf(name);
		}
		if (doc._deleted && name) sessions.closeAllOf(name);
	}
	const forgetAfter = (doc: UserDoc) => {
		const name = doc._id ? userNameFromId(doc._id) : null;
		if (name) users.forget(name);
	};
	type Args = { docs: UserDoc[] };
	// put and post reach bulkDocs, so one wrapper sees every write (as in validation.ts).
	wrappers.installWrapperMethods(db, {
		bulkDocs: async (orig: () => Promise<unknown>, args: Args) => {
			for (const doc of args.docs) await prepare(doc);
			try {
				return await orig();
			} finally {
				args.docs.forEach(forgetAfter);
			}
		}
	});
}
