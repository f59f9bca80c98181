// Typed reads and writes of documents. Every write is validated against its schema first and recorded as
// not yet pushed until the replication confirms it.
import { databaseForType } from './catalog';
import type { DocumentType, DocumentTypeMap } from './generated/documents';
import { openLocalDatabase } from './local-databases';
import { recordUnpushedWrite } from './unpushed-changes';
import { assertValidDocument } from './validation';

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

	async get(id: string): Promise<Stored<DocumentTypeMap[T]> | null> {
		try {
			return (await this.db.get(id)) as unknown as Stored<DocumentTypeMap[T]>;
		} catch (error) {
			if ((error as { status?: number }).status === 404) return null;
			throw error;
		}
	}

	/** All documents of the type: their _id prefix makes this one range read, no index needed. */
	async all(): Promise<Stored<DocumentTypeMap[T]>[]> {
		const prefix = `${this.type}:`;
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

	async save(doc: DocumentTypeMap[T]): Promise<Stored<DocumentTypeMap[T]>> {
		assertValidDocument(doc);
		const result = await this.db.put(doc as unknown as PouchDB.Core.PutDocument<object>);
		await recordUnpushedWrite(this.db, result.id, result.rev);
		return { ...doc, _rev: result.rev };
	}
}
