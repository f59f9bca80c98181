// Typed reads and writes of documents. Every write is validated against its schema first and recorded as
// not yet pushed until the replication confirms it.
import { databaseForType } from './catalog';
import type { DocumentType, DocumentTypeMap } from './generated/documents';
import { LOCAL_DESIGN_PREFIX, openLocalDatabase } from './local-databases';
import { recordUnpushedWrite } from './unpushed-changes';
import { assertValidDocument } from './validation';

export type Stored<T> = T & { _rev: string };

/** Local Mango indexes; their design documents stay in this browser (see LOCAL_DESIGN_PREFIX). */
const INDEXES: Partial<Record<DocumentType, string[][]>> = {
	entry: [['type', 'updatedAt']]
};
const ensuredIndexes = new WeakMap<object, Promise<unknown>>();

function ensureIndexes(db: PouchDB.Database, type: DocumentType): Promise<unknown> {
	let ensured = ensuredIndexes.get(db);
	if (!ensured) {
		ensured = Promise.all(
			(INDEXES[type] ?? []).map((fields) =>
				db.createIndex({ index: { fields, ddoc: `${LOCAL_DESIGN_PREFIX}${type}-by-${fields.join('-')}` } })
			)
		);
		ensuredIndexes.set(db, ensured);
	}
	return ensured;
}

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

	/** The most recently updated documents matching the selector, newest first, through a local index. */
	async recent(query: RecentQuery): Promise<Stored<DocumentTypeMap[T]>[]> {
		await ensureIndexes(this.db, this.type);
		const result = await this.db.find({
			selector: { type: this.type, updatedAt: { $gte: '' }, ...query.selector },
			sort: [{ type: 'desc' }, { updatedAt: 'desc' }],
			limit: query.limit
		});
		return result.docs as unknown as Stored<DocumentTypeMap[T]>[];
	}

	async save(doc: DocumentTypeMap[T]): Promise<Stored<DocumentTypeMap[T]>> {
		assertValidDocument(doc);
		const result = await this.db.put(doc as unknown as PouchDB.Core.PutDocument<object>);
		await recordUnpushedWrite(this.db, result.id, result.rev);
		return { ...doc, _rev: result.rev };
	}
}
