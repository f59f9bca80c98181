// Bulk writes for setup and command-line imports: all or nothing, in batches the server handles well.
import type { DocumentScope } from 'nano';

const BATCH_SIZE = 500;

/** Writes the documents whose _id is not in the database yet; returns how many it wrote. */
export async function insertMissingDocuments<T extends { _id: string }>(
	db: DocumentScope<unknown>,
	documents: T[],
	onProgress?: (written: number, total: number) => void
): Promise<number> {
	const existing = new Set<string>();
	for (let start = 0; start < documents.length; start += BATCH_SIZE) {
		const keys = documents.slice(start, start + BATCH_SIZE).map((doc) => doc._id);
		const found = await db.fetchRevs({ keys });
		for (const row of found.rows)
			if ('value' in row && row.value && !(row.value as { deleted?: boolean }).deleted) existing.add(row.key);
	}
	const missing = documents.filter((doc) => !existing.has(doc._id));
	await insertAllOrNothing(db, missing, (written) => onProgress?.(written, missing.length));
	return missing.length;
}

/** Writes every document or, if any is refused, removes the ones already written and throws. */
export async function insertAllOrNothing<T extends { _id: string }>(
	db: DocumentScope<unknown>,
	documents: T[],
	onProgress?: (written: number) => void
): Promise<void> {
	const written: Array<{ id: string; rev: string }> = [];
	for (let start = 0; start < documents.length; start += BATCH_SIZE) {
		const results = await db.bulk({ docs: documents.slice(start, start + BATCH_SIZE) });
		for (const result of results)
			if (result.rev && !result.error) written.push({ id: result.id!, rev: result.rev });
		const failed = results.find((result) => result.error);
		if (failed) {
			await db.bulk({ docs: written.map(({ id, rev }) => ({ _id: id, _rev: rev, _deleted: true })) });
			throw new Error(
				`${failed.id}: ${failed.reason ?? failed.error}（已撤销本次写入的 ${written.length} 条）`
			);
		}
		onProgress?.(written.length);
	}
}
