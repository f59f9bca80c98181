// A device that has nothing yet copies a large database page by page (_all_docs written as replicated
// revisions) instead of replicating it change by change, then hands over to replication at the server's
// sequence noted before the first page. Replication spends most of its time on per-batch round trips
// (_changes, _revs_diff, _bulk_get, checkpoints); a page is one request and one local write.
import type { CopiedPage } from './live-changes';
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
	/** Whether `total` leaves out what stays on the server (counted while the first pages are copied). */
	counted?: boolean;
	/** The last document id copied; the next page starts after it. */
	lastId: string | null;
	copied: number;
	/** Documents written here by the copy: equal to the local sequence while nobody else has written. */
	written: number;
	/** Documents with conflicts or attachments, left to replication. */
	byReplication: string[];
}

/** What the copy leaves out and how the live replication after it reads the server. */
export interface CopyScope {
	/** Document types left on the server (their ids start with `<type>:`): their id ranges are not read. */
	leftOnServer?: string[];
	/** The live pull's and push's selectors: the hand-over writes the checkpoints those replications use. */
	pullSelector?: Record<string, unknown>;
	pushSelector?: Record<string, unknown>;
}

/** A run of ids to copy: from `start` (inclusive) to `end` (exclusive; null: to the last id). */
interface IdRange {
	start: string;
	end: string | null;
}

const AFTER_PREFIX = '\ufff0';

/** The id ranges between the left-out prefixes, in id order. */
export function idRangesWithout(prefixes: readonly string[]): IdRange[] {
	const ranges: IdRange[] = [];
	let start = '';
	for (const prefix of [...prefixes].sort()) {
		ranges.push({ start, end: prefix });
		start = prefix + AFTER_PREFIX;
	}
	ranges.push({ start, end: null });
	return ranges;
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
	/** Called after each page while every local change is the copy's own (sequences then count its documents). */
	onPageWritten?(page: CopiedPage): void;
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
	hooks: InitialCopyHooks,
	scope: CopyScope = {}
): Promise<string[] | null> {
	const prefixes = (scope.leftOnServer ?? []).map((type) => `${type}:`);
	const marker = await startingPoint(local, remote, prefixes);
	if (!marker) return null;
	const copyEnded = hooks.onCopyStart?.() ?? (() => {});
	try {
		return await copyPages(local, remote, marker, hooks, prefixes, scope);
	} finally {
		copyEnded();
	}
}

/** How many of the server's documents have ids with these prefixes (ids only: about 100 bytes a row). */
async function countWithPrefixes(remote: PouchDB.Database, prefixes: readonly string[]): Promise<number> {
	let count = 0;
	for (const prefix of prefixes)
		count += (await remote.allDocs({ startkey: prefix, endkey: prefix + AFTER_PREFIX })).rows.length;
	return count;
}

/**
 * Until the documents left on the server are counted (ids only, read beside the first pages rather than
 * before them: 300 000 ids take the server seconds), the total is the whole database's.
 */
function countWhileCopying(remote: PouchDB.Database, marker: CopyMarker, leftOut: readonly string[]) {
	if (marker.counted) return;
	const whole = marker.total;
	countWithPrefixes(remote, leftOut).then(
		(leftOnServer) => {
			marker.total = whole - leftOnServer;
			marker.counted = true;
		},
		() => undefined // the total stays an upper bound
	);
}

async function startingPoint(
	local: LocalDatabase,
	remote: PouchDB.Database,
	leftOut: readonly string[]
): Promise<CopyMarker | null> {
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
		counted: leftOut.length === 0,
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
	{ onProgress, isCancelled, onPageWritten }: InitialCopyHooks,
	leftOut: readonly string[],
	scope: CopyScope
): Promise<string[]> {
	countWhileCopying(remote, marker, leftOut);
	const ranges = idRangesWithout(leftOut);
	// A resumed copy goes on in the range of the last id it copied.
	let rangeIndex = ranges.findIndex((range) => range.end === null || (marker.lastId ?? '') < range.end);
	const fetchPage = (range: IdRange, after: string | null) =>
		remote.allDocs({
			include_docs: true,
			conflicts: true,
			limit: PAGE_SIZE,
			...(after === null ? (range.start ? { startkey: range.start } : {}) : { startkey: after, skip: 1 }),
			...(range.end === null ? {} : { endkey: range.end, inclusive_end: false })
		});
	onProgress({ copied: marker.copied, total: marker.total });
	let page = await fetchPage(ranges[rangeIndex]!, marker.lastId);
	while (!isCancelled()) {
		const rows = page.rows as RemoteRow[];
		// The next page (or range) is read from the server while this one is written here.
		const nextRange = rows.length === PAGE_SIZE ? rangeIndex : rangeIndex + 1;
		const next =
			nextRange < ranges.length
				? fetchPage(ranges[nextRange]!, nextRange === rangeIndex ? rows[rows.length - 1]!.id : null)
				: null;
		if (rows.length > 0) {
			const written = await writePage(local, marker, rows);
			if (written) onPageWritten?.(written);
		}
		onProgress({ copied: Math.min(marker.copied, marker.total), total: marker.total });
		if (!next) break;
		rangeIndex = nextRange;
		page = await next;
	}
	if (isCancelled()) return marker.byReplication;
	await handOverToReplication(local, remote, marker, scope);
	return marker.byReplication;
}

/** Writes one page; returns it as a run of local changes unless someone else also wrote meanwhile. */
async function writePage(
	local: LocalDatabase,
	marker: CopyMarker,
	rows: RemoteRow[]
): Promise<CopiedPage | null> {
	const fromSequence = marker.written;
	const docs: Array<{ _id: string }> = [];
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
	const sequence = Number((await local.info()).update_seq);
	return sequence === marker.written ? { docs, fromSequence, toSequence: sequence } : null;
}

async function handOverToReplication(
	local: LocalDatabase,
	remote: PouchDB.Database,
	marker: CopyMarker,
	{ pullSelector, pushSelector }: CopyScope
) {
	let written = marker.written;
	if (marker.byReplication.length > 0) {
		const replicated = await local.replicate.from(remote, { doc_ids: marker.byReplication, batch_size: 100 });
		written += replicated.docs_written;
	}
	// The same replication as the live sync's pull (same ids, same selector): this writes its checkpoint.
	written += (
		await local.replicate.from(remote, {
			since: marker.since,
			batch_size: 500,
			...(pullSelector ? { selector: pullSelector } : {})
		})
	).docs_written;
	// Every local change so far came from the server, unless someone saved meanwhile: then the push starts
	// from the beginning as usual, and nothing typed here is skipped.
	const localSeq = (await local.info()).update_seq;
	if (Number(localSeq) === written)
		await local.replicate.to(remote, {
			since: localSeq,
			...(pushSelector ? { selector: pushSelector } : {})
		});
	await local.remove(MARKER_ID, (await local.get(MARKER_ID))._rev);
}
