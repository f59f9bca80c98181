// Builds the agents' search index of a published database (pub) on the server side and stores it in
// searchindex as searchIndex:<source> with the attachment index.bin: a browser's first sync fetches it (one
// request of 50–120 MB at 10⁵ entries) instead of indexing 10⁵ publications on the agent's two cores while it
// copies them. Skipped when the index already reflects the source's current sequence.
import type { DocumentScope, ServerScope } from 'nano';
import { PUBLISHED_DB, SEARCH_INDEX_DB } from '../../src/lib/db/catalog';
import type { SearchIndex } from '../../src/lib/db/generated/documents';
import { STORED_INDEX_FORMAT } from '../../src/lib/search/search-index-store';
import {
	ShippedIndexBuilder,
	SHIPPED_INDEX_ATTACHMENT,
	shippedIndexId
} from '../../src/lib/search/shipped-index';

const PAGE_SIZE = 2_000;
const PREFIXES = ['publishedEntry:', 'synonym:'];

export interface PublishedSearchIndex {
	/** False when the stored index already reflected the source (nothing was built). */
	built: boolean;
	entries: number;
	bytes: number;
	seconds: number;
	sourceSequence: string;
}

type Row = { id: string; doc?: { _id: string; _rev: string } };

/** The source's documents with these prefixes, a page at a time. */
async function* pagesOf(db: DocumentScope<object>): AsyncGenerator<Array<{ _id: string; _rev: string }>> {
	for (const prefix of PREFIXES) {
		let startkey = prefix;
		let skip = 0;
		for (;;) {
			const page = await db.list({
				include_docs: true,
				startkey,
				endkey: `${prefix}\ufff0`,
				limit: PAGE_SIZE,
				skip
			});
			const rows = page.rows as unknown as Row[];
			yield rows.flatMap((row) => (row.doc ? [row.doc] : []));
			if (rows.length < PAGE_SIZE) break;
			startkey = rows[rows.length - 1]!.id;
			skip = 1;
		}
	}
}

async function storedIndex(index: DocumentScope<SearchIndex>, id: string): Promise<SearchIndex | null> {
	try {
		return await index.get(id);
	} catch (error) {
		if ((error as { statusCode?: number }).statusCode === 404) return null;
		throw error;
	}
}

export async function publishSearchIndex(
	server: ServerScope,
	{ source = PUBLISHED_DB, force = false }: { source?: string; force?: boolean } = {}
): Promise<PublishedSearchIndex> {
	const started = performance.now();
	// Read first: whatever changes during the build is newer than the index, and the browser's copy brings it.
	const sourceSequence = String((await server.db.get(source)).update_seq);
	const index = server.use<SearchIndex>(SEARCH_INDEX_DB);
	const id = shippedIndexId(source);
	const previous = await storedIndex(index, id);
	if (
		!force &&
		previous?.sourceSequence === sourceSequence &&
		previous.format === STORED_INDEX_FORMAT &&
		previous._attachments?.[SHIPPED_INDEX_ATTACHMENT]
	)
		return { built: false, entries: previous.entries, bytes: 0, seconds: 0, sourceSequence };
	const builder = new ShippedIndexBuilder();
	for await (const docs of pagesOf(server.use(source))) builder.add(docs);
	const { doc, blob } = builder.finish(source, sourceSequence);
	const bytes = Buffer.from(await blob.arrayBuffer());
	// Two writes (a body larger than a document may be goes as an attachment); readers take the attachment of
	// the revision they read, and a revision without one counts as no index.
	const written = await index.insert({ ...doc, _id: id, ...(previous ? { _rev: previous._rev } : {}) });
	await index.attachment.insert(id, SHIPPED_INDEX_ATTACHMENT, bytes, 'application/octet-stream', {
		rev: written.rev
	});
	return {
		built: true,
		entries: doc.entries,
		bytes: bytes.byteLength,
		seconds: (performance.now() - started) / 1000,
		sourceSequence
	};
}
