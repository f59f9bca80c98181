// A browser that synced under an earlier layout holds, under the same local name, a copy of a server database
// its user may no longer read: until issue 15 an agent's kb and feedback copied the shared kb (drafts and
// history) and feedback (every agent's search logs). Before replicating with the server database of the
// current plan, the local copy is checked: if it came from another one, the user's own documents are kept
// (they may not have been pushed yet; the new server database takes them, revisions and all) and the rest
// is dropped. A copy pulled from the same database under another selector (the editors' feedback before it
// left out the search logs; the province editors' kb before it left the history on the server; a window
// that moved on) keeps what it has not pushed and pulls its set again.
// The server database and selector a local copy came from are kept in a _local document.
import { FEEDBACK_DB } from './catalog';
import { destroyLocalDatabase, openLocalDatabase, type LocalDatabase } from './local-databases';
import { readLocalDocument, writeLocalDocument } from './local-documents';
import { recordUnpushedWrites, unpushedIds } from './unpushed-changes';
import { pullSelectorOf, type ReplicationPlan } from './replication-plan';
import { holdWrites } from './write-gate';

const SOURCE_DOC = '_local/replication-source';

interface SourceDoc {
	_id: string;
	_rev?: string;
	/** The first source (all a marker held before a local copy could have several). */
	remote: string | null;
	/** Its pull selector, as JSON ('' for none); absent on markers written before selectors changed. */
	pull?: string;
	/** Every [server database, pull selector] the copy replicates with (an agent of a city: pub and pub-<code>). */
	sources?: Array<[string, string]>;
}

const pullOf = (plan: ReplicationPlan) => {
	const selector = pullSelectorOf(plan);
	return selector ? JSON.stringify(selector) : '';
};
/** Stands for a selector a marker did not record: it matches none. */
const UNKNOWN_PULL = '\u0000unknown';

function sourcesOf(marker: SourceDoc): Array<[string, string]> | null {
	if (marker.sources) return marker.sources;
	if (marker.remote === null) return null;
	return [[marker.remote, marker.pull ?? UNKNOWN_PULL]];
}

const key = ([remote, pull]: [string, string]) => `${remote}|${pull}`;

type Revisioned = { _id: string; _rev?: string; _revisions?: unknown; createdBy?: string } & Record<
	string,
	unknown
>;

/**
 * The user's own documents, with their revision histories, so that they arrive as the same revisions. One
 * written before ids ended with their author (which the new server database requires) is kept only if it
 * never reached the server, under its id with ":<user>" added; one that did is on the server already.
 */
async function withRevisions(db: LocalDatabase, ids: string[]): Promise<Revisioned[]> {
	if (ids.length === 0) return [];
	const fetched = await db.bulkGet({ docs: ids.map((id) => ({ id })), revs: true });
	return fetched.results.flatMap((result) =>
		result.docs.flatMap((doc) => ('ok' in doc ? [doc.ok as unknown as Revisioned] : []))
	);
}

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
	return [
		...(await withRevisions(
			db,
			current.map((doc) => doc._id)
		)),
		...renamed
	];
}

/**
 * Makes the local copy fit its plans (every plan of one local database); returns how many documents were
 * carried over, or null when the copy was kept as it is.
 */
export async function prepareLocalDatabase(
	userName: string,
	planOrPlans: ReplicationPlan | ReplicationPlan[]
): Promise<number | null> {
	const plans = Array.isArray(planOrPlans) ? planOrPlans : [planOrPlans];
	const local = plans[0]!.local;
	const wanted = plans.map((plan): [string, string] => [plan.remote, pullOf(plan)]);
	let db = openLocalDatabase(userName, local);
	const marker = await readLocalDocument<SourceDoc>(db, { _id: SOURCE_DOC, remote: null });
	// A copy without the marker synced before it existed, when every local copy had its server database's name.
	const current =
		sourcesOf(marker) ?? ((await db.info()).doc_count > 0 ? [[local, ''] as [string, string]] : null);
	const wantedKeys = new Set(wanted.map(key));
	if (current && current.length === wanted.length && current.every((source) => wantedKeys.has(key(source))))
		return null;
	let carried: number | null = null;
	// A source added (a city's publications beside the province's) leaves what the copy holds right.
	if (current && !current.every((source) => wantedKeys.has(key(source)))) {
		// Writes wait meanwhile: one landing between the carry-over and the drop would be lost.
		const release = holdWrites(userName, local);
		try {
			const wantedRemotes = new Set(wanted.map(([remote]) => remote));
			// An agent's feedback moving to their own database takes all their own documents (ids end with the
			// author); any other copy moving (a city editor's kb to the city's desk) keeps what it has not pushed.
			const kept = !plans.some((plan) => plan.push)
				? []
				: local === FEEDBACK_DB && current.some(([remote]) => !wantedRemotes.has(remote))
					? await ownDocuments(db, userName)
					: await withRevisions(db, [...(await unpushedIds(db))]);
			await destroyLocalDatabase(userName, local);
			db = openLocalDatabase(userName, local);
			const revisioned = kept.filter((doc) => doc._revisions);
			const fresh = kept.filter((doc) => !doc._revisions);
			if (revisioned.length > 0) await db.bulkDocs(revisioned, { new_edits: false });
			const written =
				fresh.length > 0
					? (await db.bulkDocs(fresh)).flatMap((result) =>
							'ok' in result && result.ok ? [{ id: result.id, rev: result.rev }] : []
						)
					: [];
			// Carried documents are unpushed to the server database they now replicate with.
			await recordUnpushedWrites(db, [
				...revisioned.map((doc) => ({ id: doc._id, rev: doc._rev! })),
				...written
			]);
			carried = kept.length;
		} finally {
			release();
		}
	}
	await writeLocalDocument(db, {
		_id: SOURCE_DOC,
		remote: wanted[0]![0],
		pull: wanted[0]![1],
		sources: wanted,
		...(carried === null && marker._rev ? { _rev: marker._rev } : {})
	});
	return carried;
}
