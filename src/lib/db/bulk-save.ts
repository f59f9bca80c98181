// Many documents at once (imports): all are validated first, then written in batches; when the local
// database refuses any, the ones this call wrote are removed again, so an import lands whole or not at all.
import type { AnyDocument } from './generated/documents';
import { openLocalDatabase, type LocalDatabase } from './local-databases';
import { whenWritable } from './write-gate';
import { recordUnpushedWrites } from './unpushed-changes';
import { validateDocument } from './validation';

export const BULK_BATCH_SIZE = 500;
const LISTED_REFUSALS = 20;

export interface RefusedDocument {
	/** Position in the documents passed in, from 0. */
	index: number;
	id: string;
	reason: string;
}

export type BulkSaveResult =
	{ ok: true; value: { written: number } } | { ok: false; error: string; refused: RefusedDocument[] };

export interface BulkSaveOptions {
	/** How the error names a document, e.g. "第 12 行"; by default its position "第 3 条". */
	describe?: (index: number) => string;
}

interface Written {
	id: string;
	rev: string;
}

function listRefused(refused: RefusedDocument[], describe: (index: number) => string): string {
	const listed = refused
		.slice(0, LISTED_REFUSALS)
		.map((item) => `${describe(item.index)}：${item.reason}`)
		.join('；');
	return refused.length > LISTED_REFUSALS
		? `${listed}；…另有 ${refused.length - LISTED_REFUSALS} 条`
		: listed;
}

function errorReason(error: unknown): string {
	const { status, message, name } = error as { status?: number; message?: string; name?: string };
	if (status === 409) return '已存在同一编号的文档（冲突）';
	if (name === 'QuotaExceededError') return '浏览器存储空间不足';
	return message || name || String(error);
}

async function writeBatch(db: LocalDatabase, batch: AnyDocument[], offset: number) {
	const written: Written[] = [];
	const refused: RefusedDocument[] = [];
	try {
		const results = await db.bulkDocs(batch as unknown as PouchDB.Core.PutDocument<object>[]);
		results.forEach((result, position) => {
			const id = batch[position]!._id;
			if ('error' in result && result.error)
				refused.push({ index: offset + position, id, reason: errorReason(result) });
			else written.push({ id, rev: (result as PouchDB.Core.Response).rev });
		});
	} catch (error) {
		// The whole batch failed (storage full, database closed): count every document in it as refused.
		batch.forEach((doc, position) =>
			refused.push({ index: offset + position, id: doc._id, reason: errorReason(error) })
		);
	}
	return { written, refused };
}

/** Documents that would overwrite something already stored: refused before anything is written. */
async function conflictsWithStored(db: LocalDatabase, docs: AnyDocument[]): Promise<RefusedDocument[]> {
	const stored = await db.allDocs({ keys: docs.map((doc) => doc._id) });
	return stored.rows.flatMap((row, index) => {
		const value = (row as { value?: { rev: string; deleted?: boolean } }).value;
		if (!value || value.deleted || value.rev === (docs[index] as { _rev?: string })._rev) return [];
		return [{ index, id: row.key, reason: '已存在同一编号的文档（冲突）' }];
	});
}

/** Deletes what was written; returns how many could not be removed. */
async function rollBack(db: LocalDatabase, written: Written[], recorded: number): Promise<number> {
	let failed = 0;
	for (let start = 0; start < written.length; start += BULK_BATCH_SIZE) {
		const batch = written.slice(start, start + BULK_BATCH_SIZE);
		let results: Array<PouchDB.Core.Response | PouchDB.Core.Error>;
		try {
			results = await db.bulkDocs(batch.map(({ id, rev }) => ({ _id: id, _rev: rev, _deleted: true })));
		} catch {
			failed += batch.length;
			continue;
		}
		const deletedAfterRecording: Written[] = [];
		results.forEach((result, position) => {
			if ('error' in result && result.error) failed += 1;
			// Writes already counted as unpushed may have reached the server: their deletion must follow them.
			else if (start + position < recorded)
				deletedAfterRecording.push({ id: batch[position]!.id, rev: (result as PouchDB.Core.Response).rev });
		});
		// Only the pending-changes count is at stake here; the documents are already deleted.
		await recordUnpushedWrites(db, deletedAfterRecording).catch(() => undefined);
	}
	return failed;
}

function undoSummary(written: number, notRemoved: number): string {
	if (written === 0) return '未写入任何数据';
	return notRemoved === 0
		? `已撤回本次写入的 ${written} 条，数据未改变`
		: `撤回时有 ${notRemoved} 条未能删除，请在知识库中检查`;
}

export async function saveAllOrNothing(
	userName: string,
	database: string,
	docs: AnyDocument[],
	onProgress?: (done: number, total: number) => void,
	options: BulkSaveOptions = {}
): Promise<BulkSaveResult> {
	const describe = options.describe ?? ((index: number) => `第 ${index + 1} 条`);
	const invalid: RefusedDocument[] = docs.flatMap((doc, index) => {
		const result = validateDocument(doc);
		return result.ok ? [] : [{ index, id: String(doc._id), reason: result.errors.join('，') }];
	});
	if (invalid.length > 0) {
		return {
			ok: false,
			error: `有 ${invalid.length} 条不符合格式，未写入任何数据。${listRefused(invalid, describe)}`,
			refused: invalid
		};
	}

	await whenWritable(userName, database);
	const db = openLocalDatabase(userName, database);
	const written: Written[] = [];
	let recorded = 0;
	try {
		const conflicts = await conflictsWithStored(db, docs);
		if (conflicts.length > 0) {
			return {
				ok: false,
				error: `有 ${conflicts.length} 条与本机已有文档冲突，未写入任何数据。${listRefused(conflicts, describe)}`,
				refused: conflicts
			};
		}
		onProgress?.(0, docs.length);
		for (let offset = 0; offset < docs.length; offset += BULK_BATCH_SIZE) {
			const batch = await writeBatch(db, docs.slice(offset, offset + BULK_BATCH_SIZE), offset);
			written.push(...batch.written);
			if (batch.refused.length > 0) {
				const undo = undoSummary(written.length, await rollBack(db, written, recorded));
				return {
					ok: false,
					error: `有 ${batch.refused.length} 条被本机数据库拒绝，${undo}。${listRefused(batch.refused, describe)}`,
					refused: batch.refused
				};
			}
			await recordUnpushedWrites(db, batch.written);
			recorded = written.length;
			onProgress?.(written.length, docs.length);
		}
		return { ok: true, value: { written: written.length } };
	} catch (error) {
		const notRemoved = await rollBack(db, written, recorded);
		return {
			ok: false,
			error: `写入失败：${errorReason(error)}。${undoSummary(written.length, notRemoved)}`,
			refused: []
		};
	}
}
