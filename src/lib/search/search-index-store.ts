// What is stored where: the exported search index of one user's knowledge base lives in IndexedDB (database
// `hotline-search-index`, one record per `<user>$kb`) together with the changes-feed sequence it reflects
// and the editors' synonym groups. It indexes entries' publications (publishedEntry), which only reviewers
// write, under the entry's id; an editor's browser, which holds the entries and leaves their publications on
// the server, indexes what publicationOf makes of each entry (the same content). A reload or an offline start loads it instead of re-indexing 10⁵ entries,
// then applies only the changes after that sequence. Saving is debounced: exporting a large index costs
// hundreds of milliseconds, so a burst of replicated changes is saved once.
import type { Entry, PublishedEntry, Synonym } from '$lib/db/generated/documents';
import { entryIdOfPublication, PUBLICATION_PREFIX, publicationOf } from '$lib/knowledge/workflow/publication';
import { splitAnswerChunks } from './answer-chunks';
import { packChunks, unpackChunks, type ChunkPlace } from './index-blob';
import { SearchEngine } from './search-engine';
import type { ShippedIndex } from './shipped-index';
import type { IndexChunk } from './search-types';
import { toSearchableEntry } from './searchable-entry';
import { synonymGroupsFrom } from './synonyms';

export type ChangeSequence = string | number;

/**
 * Bump when the tokenizer, the stored shape or what is indexed changes: older stored indexes are then
 * rebuilt. 3: built from publications instead of entry documents. 4: city entries' overrides. 5: editors'
 * entries without a publication in the browser.
 */
export const STORED_INDEX_FORMAT = 5;

export interface StoredSearchIndex {
	format: number;
	sequence: ChangeSequence;
	chunks: IndexChunk[];
	/** Editors' synonym groups by document id. */
	synonyms: Record<string, string[]>;
	/** Of an index shipped by the server and not yet reconciled with the copy: revisions not seen again. */
	shippedRevisions?: Array<[string, string]>;
	savedAt: string;
}

/**
 * A stored index as read back. With `answers`, `chunks` lacks the answers' full-text index (answer-chunks.ts),
 * read when `answers` is called: the first queries need not wait for about half the stored bytes.
 */
export type LoadedSearchIndex = StoredSearchIndex & { answers?: () => Promise<IndexChunk[]> };

export interface SearchIndexStorage {
	load(name: string): Promise<LoadedSearchIndex | undefined>;
	save(name: string, index: StoredSearchIndex): Promise<void>;
	clear(name: string): Promise<void>;
}

/** A change of the knowledge database as the index needs it (from src/lib/db/changes-since). */
export interface IndexChange {
	id: string;
	deleted: boolean;
	doc?: PublishedEntry | Entry | Synonym | { _id: string; type?: string };
}

const ENTRY_PREFIX = 'entry:';

const entryIdOf = (id: string) => (id.startsWith(ENTRY_PREFIX) ? id : entryIdOfPublication(id));

/**
 * What agents are shown of the changed entry: its publication, or for an editor's entry document what its
 * publication is (the same content); null when nothing is shown (deleted, a draft); undefined for other
 * documents.
 */
function publicationIn(change: IndexChange, indexEntries: boolean): PublishedEntry | null | undefined {
	if (change.id.startsWith(PUBLICATION_PREFIX)) {
		const doc = change.doc as PublishedEntry | undefined;
		return !change.deleted && doc?.type === 'publishedEntry' ? doc : null;
	}
	if (indexEntries && change.id.startsWith(ENTRY_PREFIX)) {
		const doc = change.doc as Entry | undefined;
		return !change.deleted && doc?.type === 'entry' ? publicationOf(doc) : null;
	}
	return undefined;
}

/** Share of removed slots after which the index asks to be rebuilt from scratch. */
const REBUILD_STALE_SHARE = 0.25;

/**
 * The engine, the sequence it reflects and the synonym documents, kept in step with the changes feed and
 * saved to a storage. Runs in the search worker; tested in Node with a memory storage.
 */
export class SearchIndexKeeper {
	engine = new SearchEngine();
	sequence: ChangeSequence = 0;
	#synonyms = new Map<string, string[]>();
	#dirty = false;
	/** Settles when the answers' index read after the rest is attached: true, or false when it could not be. */
	#answersAttached: Promise<boolean> = Promise.resolve(true);
	/**
	 * An index shipped by the server: the revisions it indexed that the local copy has not brought again. A
	 * change bringing the same revision is already indexed; what is left once the copy is complete was deleted
	 * on the server before the copy began (settleShipped removes it).
	 */
	#shipped: Map<string, string> | undefined;

	/**
	 * @param indexEntries an editor's browser: entry documents are indexed as their publications. Never an
	 * agent's, whose copy holds publications only: an entry document there changes nothing agents find.
	 */
	constructor(
		readonly name: string,
		readonly storage: SearchIndexStorage,
		readonly indexEntries = false
	) {}

	/** Loads the stored index; false when there was none (or an unusable one) and indexing starts at 0. */
	async open(): Promise<boolean> {
		let stored: LoadedSearchIndex | undefined;
		try {
			stored = await this.storage.load(this.name);
		} catch {
			stored = undefined;
		}
		if (stored && stored.format === STORED_INDEX_FORMAT) {
			try {
				const engine = SearchEngine.import(stored.chunks, { answersLater: Boolean(stored.answers) });
				this.engine = engine;
				if (stored.answers) this.#answersAttached = this.#attachAnswers(engine, stored.answers);
				this.sequence = stored.sequence;
				this.#synonyms = new Map(Object.entries(stored.synonyms));
				this.#applySynonyms();
				this.#shipped = stored.shippedRevisions ? new Map(stored.shippedRevisions) : undefined;
				return true;
			} catch {
				// An index written by another version: rebuild below.
			}
		}
		this.engine = new SearchEngine();
		this.sequence = 0;
		this.#synonyms.clear();
		this.#applySynonyms();
		this.#shipped = undefined;
		return false;
	}

	/**
	 * Reads the answers' index left out of the first read and attaches it. Should that fail (the stored copy
	 * damaged), the index must be rebuilt: answer-only queries would otherwise find nothing, unnoticed.
	 */
	async #attachAnswers(engine: SearchEngine, read: () => Promise<IndexChunk[]>): Promise<boolean> {
		try {
			engine.attachAnswers(await read());
			return true;
		} catch {
			return false;
		}
	}

	/** The answers' full-text index is in (true), or could not be read (false: reset and rebuild). */
	answersAttached(): Promise<boolean> {
		return this.#answersAttached;
	}

	/**
	 * Starts from the server's ready-made index instead of an empty one (nothing indexed yet); false when this
	 * index already holds something.
	 */
	seed(shipped: ShippedIndex): boolean {
		if (this.engine.size > 0 || Number(this.sequence) !== 0 || this.#synonyms.size > 0) return false;
		this.engine = SearchEngine.import(shipped.chunks);
		this.#synonyms = new Map(Object.entries(shipped.synonyms));
		this.#applySynonyms();
		this.#shipped = shipped.revisions;
		this.#dirty = true;
		return true;
	}

	/** Whether a shipped index still waits to be reconciled with the completed copy. */
	get shippedPending(): boolean {
		return this.#shipped !== undefined;
	}

	/**
	 * The local copy is complete: what the shipped index holds and the copy never brought is gone from the
	 * server. Returns how many entries were removed.
	 */
	settleShipped(): number {
		const left = this.#shipped;
		if (!left) return 0;
		this.#shipped = undefined;
		let removed = 0;
		let synonymsChanged = false;
		for (const id of left.keys()) {
			if (id.startsWith('synonym:')) synonymsChanged = this.#synonyms.delete(id) || synonymsChanged;
			else if (this.engine.has(entryIdOf(id))) {
				this.engine.remove(entryIdOf(id));
				removed++;
			}
		}
		if (synonymsChanged) this.#applySynonyms();
		this.#dirty = true;
		return removed;
	}

	/** True when the shipped index already holds this change (the same revision), which is then forgotten. */
	#alreadyShipped(change: IndexChange): boolean {
		const shipped = this.#shipped?.get(change.id);
		if (shipped === undefined) return false;
		this.#shipped!.delete(change.id);
		return !change.deleted && (change.doc as { _rev?: string } | undefined)?._rev === shipped;
	}

	/** Applies a batch of changes read after the current sequence; returns how many entries changed. */
	apply(changes: readonly IndexChange[], sequence: ChangeSequence): number {
		let changed = 0;
		let synonymsChanged = false;
		for (const change of changes) {
			if (this.#alreadyShipped(change)) continue;
			if (change.id.startsWith('synonym:')) {
				const doc = change.doc as Synonym | undefined;
				if (change.deleted || !doc) this.#synonyms.delete(change.id);
				else this.#synonyms.set(change.id, [...doc.terms]);
				synonymsChanged = true;
				continue;
			}
			const publication = publicationIn(change, this.indexEntries);
			if (publication === undefined) continue;
			// Every published entry is indexed; validity dates are applied at query time (`today`), so an
			// entry coming into force needs no change to show up.
			if (publication?.status === 'published') {
				this.engine.add(toSearchableEntry(publication));
				changed++;
			} else if (this.engine.has(publication?.entryId ?? entryIdOf(change.id))) {
				this.engine.remove(publication?.entryId ?? entryIdOf(change.id));
				changed++;
			}
		}
		if (synonymsChanged) this.#applySynonyms();
		this.sequence = sequence;
		this.#dirty = true;
		return changed;
	}

	/** See SearchEngine.addMissingWords; what it cuts is saved with the index. */
	addMissingWords(limit: number): { filled: number; done: boolean } {
		const added = this.engine.addMissingWords(limit);
		if (added.filled) this.#dirty = true;
		return added;
	}

	get needsRebuild(): boolean {
		return this.engine.staleShare > REBUILD_STALE_SHARE;
	}

	get dirty(): boolean {
		return this.#dirty;
	}

	get synonymGroups(): string[][] {
		return [...this.#synonyms.values()];
	}

	/** The synonym groups by document id. */
	get synonymDocuments(): Record<string, string[]> {
		return Object.fromEntries(this.#synonyms);
	}

	/** Forgets everything (stored copy included): the caller then re-reads the feed from 0. */
	async reset(): Promise<void> {
		this.engine = new SearchEngine();
		this.#answersAttached = Promise.resolve(true);
		this.sequence = 0;
		this.#synonyms.clear();
		this.#applySynonyms();
		this.#shipped = undefined;
		this.#dirty = false;
		await this.storage.clear(this.name);
	}

	async save(now = new Date()): Promise<void> {
		// An engine without its answers cannot be exported; one whose answers failed is left to its rebuild.
		if (this.engine.answersPending) await this.#answersAttached;
		if (!this.#dirty || this.engine.answersPending) return;
		this.#dirty = false;
		await this.storage.save(this.name, {
			format: STORED_INDEX_FORMAT,
			sequence: this.sequence,
			chunks: this.engine.export(),
			synonyms: Object.fromEntries(this.#synonyms),
			...(this.#shipped ? { shippedRevisions: [...this.#shipped] } : {}),
			savedAt: now.toISOString()
		});
	}

	#applySynonyms(): void {
		this.engine.setSynonyms(synonymGroupsFrom([...this.#synonyms.values()].map((terms) => ({ terms }))));
	}
}

const DATABASE = 'hotline-search-index';
const STORE = 'indexes';

/** The record IndexedDB holds: the chunks as one Blob (index-blob.ts), the rest as it is. */
type StoredRecord = Omit<StoredSearchIndex, 'chunks'> & { places: ChunkPlace[]; blob: Blob };

function request<T>(operation: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		operation.onsuccess = () => resolve(operation.result);
		operation.onerror = () => reject(operation.error);
	});
}

export class IndexedDbSearchIndexStorage implements SearchIndexStorage {
	#database: Promise<IDBDatabase> | undefined;

	constructor(readonly factory: IDBFactory = indexedDB) {}

	#open(): Promise<IDBDatabase> {
		this.#database ??= new Promise((resolve, reject) => {
			const opening = this.factory.open(DATABASE, 1);
			opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
			opening.onsuccess = () => resolve(opening.result);
			opening.onerror = () => reject(opening.error);
		});
		return this.#database;
	}

	async #store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
		return (await this.#open()).transaction(STORE, mode).objectStore(STORE);
	}

	async load(name: string): Promise<LoadedSearchIndex | undefined> {
		const record = (await request((await this.#store('readonly')).get(name))) as StoredRecord | undefined;
		// An index stored in an earlier layout is built again.
		if (!record || !(record.blob instanceof Blob)) return undefined;
		const { places, blob, ...rest } = record;
		const split = splitAnswerChunks(places);
		if (!split.answers.length) return { ...rest, chunks: await unpackChunks(blob, places) };
		// The answers are the Blob's tail: the rest is read first, they only when asked for.
		return {
			...rest,
			chunks: await unpackChunks(blob, split.rest),
			answers: () => unpackChunks(blob, split.answers)
		};
	}

	async save(name: string, index: StoredSearchIndex): Promise<void> {
		const { chunks, ...rest } = index;
		const { blob, places } = packChunks(chunks);
		const record: StoredRecord = { ...rest, places, blob };
		await request((await this.#store('readwrite')).put(record, name));
	}

	async clear(name: string): Promise<void> {
		await request((await this.#store('readwrite')).delete(name));
	}
}

export class MemorySearchIndexStorage implements SearchIndexStorage {
	readonly saved = new Map<string, StoredSearchIndex>();

	async load(name: string): Promise<LoadedSearchIndex | undefined> {
		const stored = this.saved.get(name);
		if (!stored) return undefined;
		// A copy, as IndexedDB's structured clone would give, its answers read later as IndexedDB's are.
		const { chunks, ...rest } = structuredClone(stored) as StoredSearchIndex;
		const split = splitAnswerChunks(chunks);
		if (!split.answers.length) return { ...rest, chunks };
		return { ...rest, chunks: split.rest, answers: async () => split.answers };
	}

	async save(name: string, index: StoredSearchIndex): Promise<void> {
		this.saved.set(name, structuredClone(index));
	}

	async clear(name: string): Promise<void> {
		this.saved.delete(name);
	}
}
