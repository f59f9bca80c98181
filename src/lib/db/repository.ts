// Typed reads and writes of documents. Every write is validated against its schema first and recorded as
// not yet pushed until the replication confirms it.
import { databaseForType } from './catalog';
import type { DocumentType, DocumentTypeMap } from './generated/documents';
import { openLocalDatabase } from './local-databases';
import { recordUnpushedWrite, recordUnpushedWrites } from './unpushed-changes';
import { assertValidDocument } from './validation';
import { whenWritable } from './write-gate';

export type Stored<T> = T & { _rev: string };

export interface RecentQuery {
	/** Extra Mango conditions, e.g. { status: 'published' }. */
	selector?: PouchDB.Find.Selector;
	limit: number;
}

export class Repository<T extends DocumentType> {
	constructor(
		private readonly userName: string,
		private readonly type: T,
		private readonly database: string = databaseForType(type)
	) {}

	private get db() {
		return openLocalDatabase(this.userName, this.database);
	}

	private async writable() {
		await whenWritable(this.userName, this.database);
		return this.db;
	}

	async get(id: string): Promise<Stored<DocumentTypeMap[T]> | null> {
		try {
			return (await this.db.get(id)) as unknown as Stored<DocumentTypeMap[T]>;
		} catch (error) {
			if ((error as { status?: number }).status === 404) return null;
			throw error;
		}
	}

	/** All documents of the type: their _id prefix makes this one range read, no index needed. */
	all(): Promise<Stored<DocumentTypeMap[T]>[]> {
		return this.withIdPrefix(`${this.type}:`);
	}

	/** Documents whose _id starts with the prefix (e.g. every version of one entry). */
	async withIdPrefix(prefix: string): Promise<Stored<DocumentTypeMap[T]>[]> {
		const result = await this.db.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\ufff0` });
		return result.rows.flatMap((row) => (row.doc ? [row.doc as unknown as Stored<DocumentTypeMap[T]>] : []));
	}

	/**
	 * The most recently changed documents in this browser (saved here or arrived by sync) that match the
	 * selector, newest first: the changes feed read backwards needs no index to build, even at 10⁵ documents.
	 */
	async recent(query: RecentQuery): Promise<Stored<DocumentTypeMap[T]>[]> {
		const result = await this.db.changes({
			descending: true,
			include_docs: true,
			limit: query.limit,
			selector: { type: this.type, ...query.selector }
		});
		return result.results.flatMap((row) =>
			row.doc ? [row.doc as unknown as Stored<DocumentTypeMap[T]>] : []
		);
	}

	/** The documents with these ids that exist here, in no particular order. */
	async getMany(ids: string[]): Promise<Stored<DocumentTypeMap[T]>[]> {
		if (ids.length === 0) return [];
		const result = await this.db.allDocs({ keys: ids, include_docs: true });
		return result.rows.flatMap((row) =>
			'doc' in row && row.doc ? [row.doc as unknown as Stored<DocumentTypeMap[T]>] : []
		);
	}

	async attachment(id: string, name: string): Promise<Blob> {
		return (await this.db.getAttachment(id, name)) as Blob;
	}

	/** The current revision and the revisions that lost the automatic choice in a sync conflict. */
	async withConflicts(
		id: string
	): Promise<{ current: Stored<DocumentTypeMap[T]>; conflicting: Stored<DocumentTypeMap[T]>[] } | null> {
		const current = (await this.db.get(id, { conflicts: true }).catch((error: { status?: number }) => {
			if (error.status === 404) return null;
			throw error;
		})) as (Stored<DocumentTypeMap[T]> & { _conflicts?: string[] }) | null;
		if (!current) return null;
		const conflicting = await Promise.all(
			(current._conflicts ?? []).map(
				async (rev) => (await this.db.get(id, { rev })) as unknown as Stored<DocumentTypeMap[T]>
			)
		);
		const { _conflicts: _listed, ...clean } = current;
		return { current: clean as Stored<DocumentTypeMap[T]>, conflicting };
	}

	/** Saves the merged document over the current revision and retires the losing ones, in one write. */
	async resolveConflict(
		merged: Stored<DocumentTypeMap[T]>,
		losingRevs: string[]
	): Promise<Stored<DocumentTypeMap[T]>> {
		assertValidDocument(merged);
		const retired = losingRevs.map((rev) => ({ _id: merged._id, _rev: rev, _deleted: true }));
		const db = await this.writable();
		const results = await db.bulkDocs([merged as unknown as PouchDB.Core.PutDocument<object>, ...retired]);
		const failed = results.find((result) => 'error' in result && result.error);
		if (failed) throw new Error(`保存合并结果失败：${(failed as PouchDB.Core.Error).message ?? ''}`);
		// The merged revision wins, so it is the one the push reports for this _id.
		const mergedRev = (results[0] as PouchDB.Core.Response).rev;
		await recordUnpushedWrite(db, merged._id, mergedRev);
		return { ...merged, _rev: mergedRev };
	}

	/** Writes several documents of this type; each is validated first, so a bad one stops the whole write. */
	async saveMany(docs: DocumentTypeMap[T][]): Promise<Stored<DocumentTypeMap[T]>[]> {
		docs.forEach((doc) => assertValidDocument(doc));
		const db = await this.writable();
		const results = await db.bulkDocs(docs as unknown as PouchDB.Core.PutDocument<object>[]);
		const failed = results.find((result) => 'error' in result && result.error);
		if (failed) throw new Error((failed as PouchDB.Core.Error).message ?? '保存失败');
		await recordUnpushedWrites(
			db,
			(results as PouchDB.Core.Response[]).map((result) => ({ id: result.id, rev: result.rev }))
		);
		return docs.map((doc, index) => ({ ...doc, _rev: (results[index] as PouchDB.Core.Response).rev }));
	}

	/** Deletes the latest revision of the document (it stays in the history the server keeps). */
	async remove(id: string): Promise<void> {
		const db = await this.writable();
		const doc = await db.get(id);
		const result = await db.remove(doc);
		await recordUnpushedWrite(db, result.id, result.rev);
	}

	async save(doc: DocumentTypeMap[T]): Promise<Stored<DocumentTypeMap[T]>> {
		assertValidDocument(doc);
		const db = await this.writable();
		const result = await db.put(doc as unknown as PouchDB.Core.PutDocument<object>);
		await recordUnpushedWrite(db, result.id, result.rev);
		return { ...doc, _rev: result.rev };
	}
}
