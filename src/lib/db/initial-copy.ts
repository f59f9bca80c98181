// A device that has nothing yet copies a large database page by page (_all_docs written as replicated
// revisions) instead of replicating it change by change, then hands over to replication at the server's
// sequence noted before the first page. Replication spends most of its time on per-batch round trips
// (_changes, _revs_diff, _bulk_get, checkpoints); a page is one request and one local write.
import type { LocalDatabase } from './local-databases';

/** Below this, plain replication is quick enough and the copy not worth its extra requests. */
export const INITIAL_COPY_MIN_DOCS = 2000;
const PAGE_SIZE = 2000;
/** Where an unfinished copy keeps its place, so a reload or a dropped network resumes it. */
const MARKER_ID = '_local/initial-copy';

type RemoteRow = { id: string; doc?: PouchDB.Core.ExistingDocument<object> & DocumentExtras };
interface DocumentExtras {
	_conflicts?: string[];
	_attachments?: Record<string, unknown>;
}

interface CopyMarker {
	_id: string;
	_rev?: string;
	/** The server's sequence before the first page: replication continues from there. */
	since: string | number;
	total: number;
	/** The last document id copied; the next page starts after it. */
	lastId: string | null;
	copied: number;
	/** Documents written here by the copy: equal to the local sequence while nobody else has written. */
	written: number;
	/** Documents with conflicts or attachments, left to replication. */
	byReplication: string[];
}

export interface InitialCopyProgress {
	copied: number;
	total: number;
}

export interface InitialCopyHooks {
	onProgress(progress: InitialCopyProgress): void;
	isCancelled(): boolean;
	/** Called when the copy begins; what it returns is called when the copy ends (screens pause meanwhile). */
	onCopyStart?(): () => void;
}

/**
 * Copies `remote` into an empty `local` (or resumes an unfinished copy); returns null (and does nothing)
 * when `local` has other data or `remote` is small. Documents with conflicts or attachments are replicated
 * by id, so every revision and attachment arrives as replication would bring it; their ids are returned.
 * Ends by writing both replication checkpoints.
 */
export async function copyIntoEmptyDatabase(
	local: LocalDatabase,
	remote: PouchDB.Database,
	hooks: InitialCopyHooks
): Promise<string[] | null> {
	const marker = await startingPoint(local, remote);
	if (!marker) return null;
	const copyEnded = hooks.onCopyStart?.() ?? (() => {});
	try {
		return await copyPages(local, remote, marker, hooks);
	} finally {
		copyEnded();
	}
}

async function startingPoint(local: LocalDatabase, remote: PouchDB.Database): Promise<CopyMarker | null> {
	const localInfo = await local.info();
	const unfinished = await local.get<CopyMarker>(MARKER_ID).catch(() => null);
	// Resumable only if every local change is the copy's own: anything else goes through replication.
	if (unfinished) return Number(localInfo.update_seq) === unfinished.written ? unfinished : null;
	if (localInfo.doc_count > 0 || Number(localInfo.update_seq) > 0) return null;
	const remoteInfo = await remote.info();
	if (remoteInfo.doc_count < INITIAL_COPY_MIN_DOCS) return null;
	// Noted first: whatever changes while the pages are read is replicated again afterwards.
	return {
		_id: MARKER_ID,
		since: remoteInfo.update_seq,
		total: remoteInfo.doc_count,
		lastId: null,
		copied: 0,
		written: 0,
		byReplication: []
	};
}

async function copyPages(
	local: LocalDatabase,
	remote: PouchDB.Database,
	marker: CopyMarker,
	{ onProgress, isCancelled }: InitialCopyHooks
): Promise<string[]> {
	const fetchPage = (after: string | null) =>
		remote.allDocs({
			include_docs: true,
			conflicts: true,
			limit: PAGE_SIZE,
			...(after === null ? {} : { startkey: after, skip: 1 })
		});
	onProgress({ copied: marker.copied, total: marker.total });
	let page = await fetchPage(marker.lastId);
	while (page.rows.length > 0 && !isCancelled()) {
		const rows = page.rows as RemoteRow[];
		// The next page is read from the server while this one is written here.
		const next = rows.length === PAGE_SIZE ? fetchPage(rows[rows.length - 1]!.id) : null;
		const docs: object[] = [];
		for (const row of rows) {
			if (!row.doc) continue;
			if (row.doc._conflicts?.length || row.doc._attachments) marker.byReplication.push(row.id);
			else docs.push(row.doc);
		}
		// With new_edits: false PouchDB reports nothing back; each new document is one local change.
		await local.bulkDocs(docs, { new_edits: false });
		marker.written += docs.length;
		marker.copied += rows.length;
		marker.lastId = rows[rows.length - 1]!.id;
		marker._rev = (await local.put(marker)).rev;
		onProgress({ copied: Math.min(marker.copied, marker.total), total: marker.total });
		if (!next) break;
		page = await next;
	}
	if (isCancelled()) return marker.byReplication;
	await handOverToReplication(local, remote, marker);
	return marker.byReplication;
}

async function handOverToReplication(local: LocalDatabase, remote: PouchDB.Database, marker: CopyMarker) {
	let written = marker.written;
	if (marker.byReplication.length > 0) {
		const replicated = await local.replicate.from(remote, { doc_ids: marker.byReplication, batch_size: 100 });
		written += replicated.docs_written;
	}
	// The same replication as the live sync's pull (same ids, no filter): this writes its checkpoint.
	written += (await local.replicate.from(remote, { since: marker.since, batch_size: 500 })).docs_written;
	// Every local change so far came from the server, unless someone saved meanwhile: then the push starts
	// from the beginning as usual, and nothing typed here is skipped.
	const localSeq = (await local.info()).update_seq;
	if (Number(localSeq) === written) await local.replicate.to(remote, { since: localSeq });
	await local.remove(MARKER_ID, (await local.get(MARKER_ID))._rev);
}
