// Reads a local database's changes feed from a sequence on, in batches, with the documents: what the search
// index needs to catch up after a reload or an offline start without reading every document again.
import type { LocalDatabase } from './local-databases';

export type ChangeSequence = string | number;

export interface DocumentChange<T> {
	id: string;
	deleted: boolean;
	/** The current document, absent when deleted. */
	doc?: T;
}

export interface ChangesBatch<T> {
	changes: DocumentChange<T>[];
	/** The sequence to ask from next time; the index reflects everything up to it. */
	lastSequence: ChangeSequence;
	/** More changes are waiting after this batch. */
	pending: boolean;
}

export interface ChangesSinceOptions {
	/** Only documents whose _id starts with one of these (e.g. 'entry:', 'synonym:'). */
	idPrefixes?: readonly string[];
	batchSize?: number;
}

export async function readChangesBatch<T>(
	db: LocalDatabase,
	since: ChangeSequence,
	options: ChangesSinceOptions = {}
): Promise<ChangesBatch<T>> {
	const batchSize = options.batchSize ?? 500;
	const response = await db.changes({ since, limit: batchSize, include_docs: true });
	const prefixes = options.idPrefixes;
	const changes = response.results
		.filter((change) => !change.id.startsWith('_'))
		.filter((change) => !prefixes || prefixes.some((prefix) => change.id.startsWith(prefix)))
		.map((change) => ({
			id: change.id,
			deleted: Boolean(change.deleted),
			...(change.deleted || !change.doc ? {} : { doc: change.doc as unknown as T })
		}));
	return { changes, lastSequence: response.last_seq, pending: response.results.length === batchSize };
}

/** Every change after `since` of one of the user's local databases, one batch at a time. */
export async function* changesSince<T>(
	userName: string,
	database: string,
	since: ChangeSequence,
	options: ChangesSinceOptions = {}
): AsyncGenerator<ChangesBatch<T>> {
	// Loaded on use: pouchdb-browser needs a browser global, and readChangesBatch is tested in Node.
	const { openLocalDatabase } = await import('./local-databases');
	const db = openLocalDatabase(userName, database);
	let from = since;
	for (;;) {
		const batch = await readChangesBatch<T>(db, from, options);
		yield batch;
		if (!batch.pending) return;
		from = batch.lastSequence;
	}
}

/** The sequence a local database has reached; lower than a sequence read from it earlier once it was recreated. */
export async function localUpdateSequence(userName: string, database: string): Promise<number> {
	const { openLocalDatabase } = await import('./local-databases');
	return Number((await openLocalDatabase(userName, database).info()).update_seq);
}
