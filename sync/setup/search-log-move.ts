// Search logs written before they had a database of their own sit in feedback. Setup copies them into
// searchlog as the same revisions, a page at a time, and notes in feedback the last one copied, so running it
// again starts after it (a log copied twice would be the same revision, a no-op, but 10⁵ of them take time). The copies in
// feedback stay: deleting them would send tombstones down the agents' fan-out (their own logs' deletions
// match the for-reporter filter); no pull and no view reads them. On Apache CouchDB an admin may _purge them.
import type { ServerScope } from 'nano';
import { FEEDBACK_DB, SEARCH_LOG_DB } from '../../src/lib/db/catalog';

const PAGE = 2000;

interface BulkGetAnswer {
	results: Array<{ docs: Array<{ ok?: Record<string, unknown> }> }>;
}

const MARKER = '_local/search-logs-moved';

export async function moveSearchLogs(server: ServerScope, log: (line: string) => void): Promise<number> {
	const feedback = server.use(FEEDBACK_DB);
	// nano would encode the slash of a _local id; the path keeps it.
	const marker = (await server.request({ db: FEEDBACK_DB, path: MARKER }).catch(() => null)) as {
		_rev: string;
		lastId?: string;
	} | null;
	let startkey = marker?.lastId ? `${marker.lastId}\u0000` : 'searchLog:';
	let copied = 0;
	let lastId: string | undefined;
	for (;;) {
		const page = await feedback.list({ startkey, endkey: 'searchLog:\ufff0', limit: PAGE + 1 });
		const ids = page.rows.slice(0, PAGE).map((row) => row.id);
		if (ids.length === 0) break;
		const answer = (await server.request({
			db: FEEDBACK_DB,
			path: '_bulk_get',
			method: 'POST',
			qs: { revs: true },
			body: { docs: ids.map((id) => ({ id })) }
		})) as BulkGetAnswer;
		const docs = answer.results.flatMap((result) => result.docs.flatMap((doc) => (doc.ok ? [doc.ok] : [])));
		// new_edits:false stores the revisions as they are: a log copied before is written again as a no-op.
		await server.request({
			db: SEARCH_LOG_DB,
			path: '_bulk_docs',
			method: 'POST',
			body: { docs, new_edits: false }
		});
		copied += docs.length;
		lastId = ids.at(-1);
		if (page.rows.length <= PAGE) break;
		startkey = page.rows[PAGE]!.id;
	}
	if (lastId)
		await server.request({
			db: FEEDBACK_DB,
			path: MARKER,
			method: 'PUT',
			body: { lastId, ...(marker ? { _rev: marker._rev } : {}) }
		});
	if (copied > 0) log(`  copied ${copied} search logs from ${FEEDBACK_DB} to ${SEARCH_LOG_DB}`);
	return copied;
}
