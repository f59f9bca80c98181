// Agents read publications (publishedEntry), which the app writes in the reviewer's own step. Published and
// archived entries without one (data from before publications existed, the demo knowledge, `npm run import`)
// get it here, as the server admin, from the same publicationOf the app uses; so does an entry a reviewer
// approved as a newer version whose publication did not follow (an app from before the upgrade, a failed
// write). Idempotent: what is already right is not written again.
//
// It trusts the entries only as far as the workflow lets editors shape them. An entry that is not published
// or archived writes nothing and removes nothing: a forged draft that won on Apache CouchDB (oldDoc null,
// where only reviewers may start an entry published) leaves agents with the reviewed content. And an
// existing publication is only ever moved to a newer version, which only a reviewer can make: a branch an
// editor grows from an older revision (still published, or an older version) may win on Apache CouchDB, and
// must not undo an archive or roll back a version here. Changes within a version (下线, 重新上线, re-filing)
// are written by the reviewer's step in the app.
import type { DocumentScope, ServerScope } from 'nano';
import { KNOWLEDGE_DB } from '../../src/lib/db/catalog';
import type { Entry, PublishedEntry } from '../../src/lib/db/generated/documents';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';

/** Entries read per request: pages of the changes feed, so that 10⁵ entries never sit in memory at once. */
const PAGE_SIZE = 500;

type KnowledgeDocument = Entry | PublishedEntry;

/** Stored publications by _id, of those listed (deleted and missing ones are absent). */
async function storedPublications(
	db: DocumentScope<KnowledgeDocument>,
	ids: string[]
): Promise<Map<string, PublishedEntry>> {
	const found = await db.fetch({ keys: ids });
	const stored = new Map<string, PublishedEntry>();
	for (const row of found.rows) {
		if ('doc' in row && row.doc && (row.doc as KnowledgeDocument).type === 'publishedEntry')
			stored.set(row.id, row.doc as unknown as PublishedEntry);
	}
	return stored;
}

/** The page's publications that are missing, or behind a newer version of their entry (with _rev). */
async function publicationsToWrite(
	db: DocumentScope<KnowledgeDocument>,
	entries: Entry[]
): Promise<PublishedEntry[]> {
	const wanted = entries.flatMap((entry) => publicationOf(entry) ?? []);
	if (wanted.length === 0) return [];
	const stored = await storedPublications(
		db,
		wanted.map((publication) => publication._id)
	);
	return wanted.flatMap((publication) => {
		const existing = stored.get(publication._id);
		if (!existing) return [publication];
		if (publication.version <= existing.version) return [];
		return [{ ...publication, _rev: existing._rev }];
	});
}

const CHECKPOINT_ID = '_local/publications-checkpoint';

interface ChangesPage {
	results: Array<{ id: string; deleted?: boolean; doc?: KnowledgeDocument }>;
	last_seq: string | number;
}

/**
 * Writes the missing or outdated publications of published and archived entries; returns how many. Reads
 * only the entries changed since its last run (a checkpoint in kb): at 10⁵ entries a full read took ~38 s,
 * on every start.
 */
export async function ensurePublications(server: ServerScope, log: (line: string) => void): Promise<number> {
	const db = server.use<KnowledgeDocument>(KNOWLEDGE_DB);
	const checkpoint = await db.get(CHECKPOINT_ID).catch((error: { statusCode?: number }) => {
		if (error.statusCode === 404) return null;
		throw error;
	});
	let since: string | number = (checkpoint as { last_seq?: string | number } | null)?.last_seq ?? 0;
	let written = 0;
	for (;;) {
		const page = (await server.request({
			db: KNOWLEDGE_DB,
			path: '_changes',
			method: 'POST',
			qs: { since, limit: PAGE_SIZE, include_docs: true, filter: '_selector' },
			body: { selector: { type: 'entry' } }
		})) as ChangesPage;
		const entries = page.results.flatMap((row) =>
			!row.deleted && row.doc?.type === 'entry' ? [row.doc as unknown as Entry] : []
		);
		const changed = await publicationsToWrite(db, entries);
		if (changed.length > 0) {
			const results = await db.bulk({ docs: changed });
			const refused = results.filter((result) => result.error);
			if (refused.length > 0)
				throw new Error(
					`写入话务员看到的知识点失败：${refused
						.slice(0, 5)
						.map((result) => `${result.id}: ${result.reason ?? result.error}`)
						.join('；')}`
				);
			written += changed.length;
		}
		since = page.last_seq;
		if (page.results.length < PAGE_SIZE) break;
	}
	await server.request({
		db: KNOWLEDGE_DB,
		path: CHECKPOINT_ID,
		method: 'PUT',
		body: { ...(checkpoint ? { _rev: checkpoint._rev } : {}), last_seq: since }
	});
	if (written > 0) log(`  wrote ${written} publications of published entries for agents`);
	return written;
}
