// _local documents: per-browser bookkeeping that never replicates (unpushed changes, known conflicts).
import type { LocalDatabase } from './local-databases';

export async function readLocalDocument<T extends { _id: string; _rev?: string }>(
	db: LocalDatabase,
	empty: T
): Promise<T> {
	try {
		return (await db.get(empty._id)) as unknown as T;
	} catch (error) {
		if ((error as { status?: number }).status === 404) return structuredClone(empty);
		throw error;
	}
}

export async function writeLocalDocument<T extends { _id: string; _rev?: string }>(
	db: LocalDatabase,
	doc: T
) {
	await db.put(doc as unknown as PouchDB.Core.PutDocument<object>);
}
