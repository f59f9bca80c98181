// Conflicts arrive with pulled documents: after each pull batch we ask PouchDB which of those documents now
// carry _conflicts and keep the list in a _local document, so it is known offline and after reloads.
import type { LocalDatabase } from './local-databases';
import { readLocalDocument, writeLocalDocument } from './local-documents';

const DOC_ID = '_local/known-conflicts';

export interface ConflictRecord {
	id: string;
	/** The revisions that lost the automatic choice and wait for a person. */
	conflictingRevs: string[];
}

interface KnownConflictsDoc {
	_id: string;
	_rev?: string;
	conflicts: Record<string, string[]>;
}

function read(db: LocalDatabase): Promise<KnownConflictsDoc> {
	return readLocalDocument<KnownConflictsDoc>(db, { _id: DOC_ID, conflicts: {} });
}

let writing: Promise<unknown> = Promise.resolve();

/** Re-checks the given documents; returns the full list of known conflicts. */
export async function recheckConflicts(db: LocalDatabase, changedIds: string[]): Promise<ConflictRecord[]> {
	// Nobody edits a design document in the browser; a copy filled from two databases holds both designs.
	const ids = changedIds.filter((id) => !id.startsWith('_design/'));
	const work = async () => {
		const known = await read(db);
		const result = await db.allDocs({ keys: ids, include_docs: true, conflicts: true });
		let changed = false;
		for (const row of result.rows) {
			if (!('doc' in row) || !row.doc) {
				if (known.conflicts[row.key]) changed = delete known.conflicts[row.key];
				continue;
			}
			const revs = (row.doc as { _conflicts?: string[] })._conflicts ?? [];
			if (revs.length > 0) {
				known.conflicts[row.key] = revs;
				changed = true;
			} else if (known.conflicts[row.key]) {
				changed = delete known.conflicts[row.key];
			}
		}
		if (changed) await writeLocalDocument(db, known);
		return toRecords(known);
	};
	const next = writing.then(work, work);
	writing = next.catch(() => undefined);
	return next;
}

function toRecords(known: KnownConflictsDoc): ConflictRecord[] {
	return Object.entries(known.conflicts).map(([id, conflictingRevs]) => ({ id, conflictingRevs }));
}

export async function knownConflicts(db: LocalDatabase): Promise<ConflictRecord[]> {
	return toRecords(await read(db));
}

/** A full pass over the database, for the "重新检查" button and the first start of an existing profile. */
export async function scanAllConflicts(db: LocalDatabase): Promise<ConflictRecord[]> {
	const ids = new Set<string>();
	let startkey: string | undefined;
	for (;;) {
		const page = await db.allDocs({ limit: 1000, ...(startkey ? { startkey, skip: 1 } : {}) });
		if (page.rows.length === 0) break;
		for (const row of page.rows) if (!row.id.startsWith('_design/')) ids.add(row.id);
		startkey = page.rows[page.rows.length - 1]!.id;
	}
	const known = await read(db);
	for (const id of Object.keys(known.conflicts)) ids.add(id);
	const all = [...ids];
	let records = toRecords(known);
	for (let start = 0; start < all.length; start += 1000) {
		records = await recheckConflicts(db, all.slice(start, start + 1000));
	}
	return records;
}
