// Local writes not yet confirmed by the server, kept in a _local document (never replicated) so the count
// survives reloads and offline starts. Updates are serialized per database because _local docs have revisions.
import type { LocalDatabase } from './local-databases';
import { readLocalDocument, writeLocalDocument } from './local-documents';

const DOC_ID = '_local/unpushed-changes';

interface UnpushedDoc {
	_id: string;
	_rev?: string;
	changes: Record<string, string>;
}

const queues = new WeakMap<LocalDatabase, Promise<unknown>>();
const listeners = new Set<(db: LocalDatabase, count: number) => void>();

function serialized<T>(db: LocalDatabase, work: () => Promise<T>): Promise<T> {
	const next = (queues.get(db) ?? Promise.resolve()).then(work, work);
	queues.set(
		db,
		next.catch(() => undefined)
	);
	return next;
}

function read(db: LocalDatabase): Promise<UnpushedDoc> {
	return readLocalDocument<UnpushedDoc>(db, { _id: DOC_ID, changes: {} });
}

async function update(db: LocalDatabase, change: (changes: Record<string, string>) => boolean) {
	return serialized(db, async () => {
		const doc = await read(db);
		if (!change(doc.changes)) return Object.keys(doc.changes).length;
		await writeLocalDocument(db, doc);
		const count = Object.keys(doc.changes).length;
		for (const listener of listeners) listener(db, count);
		return count;
	});
}

export function recordUnpushedWrite(db: LocalDatabase, id: string, rev: string) {
	return update(db, (changes) => {
		changes[id] = rev;
		return true;
	});
}

/** Many writes in one update of the bookkeeping document (one call per write rewrites it each time). */
export function recordUnpushedWrites(db: LocalDatabase, writes: { id: string; rev: string }[]) {
	return update(db, (changes) => {
		for (const write of writes) changes[write.id] = write.rev;
		return writes.length > 0;
	});
}

/** Called with the documents a push replication batch delivered. */
export function markPushed(db: LocalDatabase, docs: Array<{ _id: string; _rev?: string }>) {
	return update(db, (changes) => {
		let changed = false;
		for (const doc of docs) {
			if (changes[doc._id] !== undefined && changes[doc._id] === doc._rev) {
				delete changes[doc._id];
				changed = true;
			}
		}
		return changed;
	});
}

/** The ids of the documents written here and not yet delivered to the server. */
export async function unpushedIds(db: LocalDatabase): Promise<Set<string>> {
	return new Set(Object.keys((await read(db)).changes));
}

export async function countUnpushed(db: LocalDatabase): Promise<number> {
	return Object.keys((await read(db)).changes).length;
}

export function onUnpushedCountChange(listener: (db: LocalDatabase, count: number) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
