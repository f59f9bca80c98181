// A browser that synced under an earlier layout holds, under the same local name, a copy of a server database
// its user may no longer read: until issue 15 an agent's kb and feedback copied the shared kb (drafts and
// history) and feedback (every agent's search logs). Before replicating with the server database of the
// current plan, the local copy is checked: if it came from another one, the user's own documents are kept
// (they may not have been pushed yet; the new server database takes them, revisions and all) and the rest
// is dropped. The server database a local copy came from is kept in a _local document.
import { destroyLocalDatabase, openLocalDatabase, type LocalDatabase } from './local-databases';
import { readLocalDocument, writeLocalDocument } from './local-documents';
import { recordUnpushedWrites, unpushedIds } from './unpushed-changes';
import type { ReplicationPlan } from './replication-plan';

const SOURCE_DOC = '_local/replication-source';

interface SourceDoc {
	_id: string;
	_rev?: string;
	remote: string | null;
}

type Revisioned = { _id: string; _rev?: string; _revisions?: unknown; createdBy?: string } & Record<
	string,
	unknown
>;

/**
 * The user's own documents, with their revision histories, so that they arrive as the same revisions. One
 * written before ids ended with their author (which the new server database requires) is kept only if it
 * never reached the server, under its id with ":<user>" added; one that did is on the server already.
 */
async function ownDocuments(db: LocalDatabase, userName: string): Promise<Revisioned[]> {
	const all = await db.allDocs({ include_docs: true });
	const own = all.rows.flatMap((row) =>
		(row.doc as unknown as Revisioned | undefined)?.createdBy === userName
			? [row.doc as unknown as Revisioned]
			: []
	);
	const suffix = `:${userName}`;
	const current = own.filter((doc) => doc._id.endsWith(suffix));
	const unpushed = await unpushedIds(db);
	const renamed = own
		.filter((doc) => !doc._id.endsWith(suffix) && unpushed.has(doc._id))
		.map(({ _rev: _dropped, ...doc }) => ({ ...doc, _id: `${doc._id}${suffix}` }) as Revisioned);
	if (current.length === 0) return renamed;
	const fetched = await db.bulkGet({ docs: current.map((doc) => ({ id: doc._id })), revs: true });
	const kept = fetched.results.flatMap((result) =>
		result.docs.flatMap((doc) => ('ok' in doc ? [doc.ok as unknown as Revisioned] : []))
	);
	return [...kept, ...renamed];
}

/** Makes the local copy fit the plan; returns how many of the user's own documents were carried over, or null. */
export async function prepareLocalDatabase(userName: string, plan: ReplicationPlan): Promise<number | null> {
	let db = openLocalDatabase(userName, plan.local);
	const source = await readLocalDocument<SourceDoc>(db, { _id: SOURCE_DOC, remote: null });
	if (source.remote === plan.remote) return null;
	const info = await db.info();
	// A copy without the marker synced before it existed, when every local copy had its server database's name.
	const previous = source.remote ?? (info.doc_count > 0 ? plan.local : null);
	let carried: number | null = null;
	if (previous !== null && previous !== plan.remote) {
		const own = plan.push ? await ownDocuments(db, userName) : [];
		await destroyLocalDatabase(userName, plan.local);
		db = openLocalDatabase(userName, plan.local);
		const revisioned = own.filter((doc) => doc._revisions);
		const fresh = own.filter((doc) => !doc._revisions);
		if (revisioned.length > 0) await db.bulkDocs(revisioned, { new_edits: false });
		if (fresh.length > 0) {
			const written = await db.bulkDocs(fresh);
			await recordUnpushedWrites(
				db,
				written.flatMap((result) => ('ok' in result && result.ok ? [{ id: result.id, rev: result.rev }] : []))
			);
		}
		carried = own.length;
	}
	await writeLocalDocument(db, {
		_id: SOURCE_DOC,
		remote: plan.remote,
		...(carried === null && source._rev ? { _rev: source._rev } : {})
	});
	return carried;
}
