// The search index a server ships ready-made (database searchindex, document searchIndex:pub, its chunks in
// the attachment index.bin): built by the server's job from pub by the same keeper a browser runs, and
// fetched by an agent's first sync instead of indexing 10⁵ publications while copying them (which took the
// two cores of an agent's PC a minute). With it come the revisions it indexed, so the copy that follows
// indexes only what changed since.
import type { SearchIndex } from '$lib/db/generated/documents';
import { packChunks, unpackChunks, type ChunkPlace } from './index-blob';
import {
	MemorySearchIndexStorage,
	SearchIndexKeeper,
	STORED_INDEX_FORMAT,
	type IndexChange
} from './search-index-store';
import type { IndexChunk } from './search-types';

export const SHIPPED_INDEX_ATTACHMENT = 'index.bin';
/** The chunk holding the revisions indexed, beside the engine's own. */
const REVISIONS_CHUNK = 'shippedRevisions';
/** What the keeper indexes (search-index.service's prefixes, less the editors' entry documents). */
const SHIPPED_PREFIXES = ['publishedEntry:', 'synonym:'];

export const shippedIndexId = (source: string) => `searchIndex:${source}`;

export interface ShippedIndex {
	chunks: IndexChunk[];
	synonyms: Record<string, string[]>;
	/** The revision of each document indexed, by id. */
	revisions: Map<string, string>;
	builtAt: string;
}

export const isShippedDocument = (id: string) => SHIPPED_PREFIXES.some((prefix) => id.startsWith(prefix));

/** Builds the index of a published database from its documents, page by page, as a browser would. */
export class ShippedIndexBuilder {
	readonly #keeper = new SearchIndexKeeper('shipped', new MemorySearchIndexStorage());
	readonly #revisions = new Map<string, string>();

	add(docs: ReadonlyArray<{ _id: string; _rev: string }>): void {
		const changes: IndexChange[] = [];
		for (const doc of docs) {
			if (!isShippedDocument(doc._id)) continue;
			this.#revisions.set(doc._id, doc._rev);
			changes.push({ id: doc._id, deleted: false, doc: doc as IndexChange['doc'] });
		}
		this.#keeper.apply(changes, 0);
	}

	get entries(): number {
		return this.#keeper.engine.size;
	}

	/** The document (without _id and _rev) and the attachment's bytes. */
	finish(
		source: string,
		sourceSequence: string,
		now = new Date()
	): { doc: Omit<SearchIndex, '_id' | '_rev'>; blob: Blob } {
		const revisions = JSON.stringify([...this.#revisions]);
		const { blob, places } = packChunks([
			...this.#keeper.engine.export(),
			{ key: REVISIONS_CHUNK, data: revisions }
		]);
		return {
			doc: {
				type: 'searchIndex',
				source,
				format: STORED_INDEX_FORMAT,
				builtAt: now.toISOString(),
				sourceSequence,
				entries: this.#keeper.engine.size,
				places,
				synonyms: this.#keeper.synonymDocuments
			},
			blob
		};
	}
}

/** Reads the shipped index back from its document and attachment. */
export async function unpackShippedIndex(
	doc: Pick<SearchIndex, 'places' | 'synonyms' | 'builtAt'>,
	blob: Blob
): Promise<ShippedIndex> {
	const chunks = await unpackChunks(blob, doc.places as ChunkPlace[]);
	const revisions = chunks.find((chunk) => chunk.key === REVISIONS_CHUNK);
	if (typeof revisions?.data !== 'string') throw new Error('search index: no revisions');
	return {
		chunks: chunks.filter((chunk) => chunk !== revisions),
		synonyms: doc.synonyms,
		revisions: new Map(JSON.parse(revisions.data) as Array<[string, string]>),
		builtAt: doc.builtAt
	};
}

/**
 * The index the server at `databaseUrl` (…/searchindex) ships for `source`, with the browser's session; null
 * when it has none, one of another format, or cannot be reached (the browser then builds its own).
 */
export async function fetchShippedIndex(
	databaseUrl: string,
	source: string,
	fetchFrom: typeof fetch = fetch
): Promise<ShippedIndex | null> {
	const docUrl = `${databaseUrl}/${encodeURIComponent(shippedIndexId(source))}`;
	try {
		const response = await fetchFrom(docUrl, {
			credentials: 'same-origin',
			headers: { accept: 'application/json' }
		});
		if (!response.ok) return null;
		const doc = (await response.json()) as SearchIndex;
		if (doc.format !== STORED_INDEX_FORMAT || !doc._attachments?.[SHIPPED_INDEX_ATTACHMENT]) return null;
		// The attachment of the revision just read: a rebuild landing meanwhile cannot mix two indexes.
		const attachment = await fetchFrom(
			`${docUrl}/${SHIPPED_INDEX_ATTACHMENT}?rev=${encodeURIComponent(doc._rev!)}`,
			{ credentials: 'same-origin' }
		);
		if (!attachment.ok) return null;
		return await unpackShippedIndex(doc, await attachment.blob());
	} catch {
		return null;
	}
}
