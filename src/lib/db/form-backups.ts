// Unsaved form contents kept in a _local document (never synced), so a reload or a crash loses nothing typed.
import { KNOWLEDGE_DB } from './catalog';
import { openLocalDatabase } from './local-databases';
import { readLocalDocument, writeLocalDocument } from './local-documents';

interface FormBackupDoc<T> {
	_id: string;
	_rev?: string;
	savedAt: string;
	data: T | null;
}

const idFor = (key: string) => `_local/form-backup:${key}`;
const db = (userName: string) => openLocalDatabase(userName, KNOWLEDGE_DB);

export async function readFormBackup<T>(
	userName: string,
	key: string
): Promise<{ savedAt: string; data: T } | null> {
	const doc = await readLocalDocument<FormBackupDoc<T>>(db(userName), {
		_id: idFor(key),
		savedAt: '',
		data: null
	});
	return doc.data === null ? null : { savedAt: doc.savedAt, data: doc.data };
}

// Writes for one key are chained so a slow write never lands after a newer one.
const pending = new Map<string, Promise<unknown>>();

export function writeFormBackup<T>(userName: string, key: string, data: T | null): Promise<void> {
	const write = async () => {
		const current = await readLocalDocument<FormBackupDoc<T>>(db(userName), {
			_id: idFor(key),
			savedAt: '',
			data: null
		});
		await writeLocalDocument(db(userName), { ...current, savedAt: new Date().toISOString(), data });
	};
	const previous = pending.get(key) ?? Promise.resolve();
	const next = previous.then(write, write);
	pending.set(
		key,
		next.catch(() => undefined)
	);
	return next;
}

export const clearFormBackup = (userName: string, key: string) => writeFormBackup(userName, key, null);
