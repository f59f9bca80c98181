// Recordings' audio in this browser: Blobs in an IndexedDB store of their own, outside PouchDB, whose
// replication hangs or exhausts memory on multi-megabyte attachments (pouchdb#5779, #5646, #3642).
// Chromium keeps stored Blobs on disk, so a 60-minute call costs no memory until it is played.

export interface StoredAudio {
	recordingId: string;
	blob: Blob;
	fileName: string;
	/** False until the server has it: an import made offline uploads when the network returns. */
	uploaded: boolean;
	storedAt: string;
}

const STORE = 'audio';
const opened = new Map<string, Promise<IDBDatabase>>();

function openAudioDatabase(userName: string): Promise<IDBDatabase> {
	let database = opened.get(userName);
	if (!database) {
		database = new Promise((resolve, reject) => {
			// One store per user, like the PouchDB copies: people sharing a PC never see each other's calls.
			const request = indexedDB.open(`${userName}$qa-audio`, 1);
			request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'recordingId' });
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		opened.set(userName, database);
	}
	return database;
}

function run<T>(userName: string, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) {
	return openAudioDatabase(userName).then(
		(database) =>
			new Promise<T>((resolve, reject) => {
				const transaction = database.transaction(STORE, mode);
				const request = work(transaction.objectStore(STORE));
				transaction.oncomplete = () => resolve(request.result);
				transaction.onerror = () => reject(transaction.error);
				transaction.onabort = () =>
					reject(transaction.error ?? new Error('音频存储写入被中止（磁盘空间不足？）'));
			})
	);
}

export function putLocalAudio(userName: string, audio: StoredAudio): Promise<IDBValidKey> {
	return run(userName, 'readwrite', (store) => store.put(audio));
}

export async function getLocalAudio(userName: string, recordingId: string): Promise<StoredAudio | null> {
	return (
		(await run<StoredAudio | undefined>(userName, 'readonly', (store) => store.get(recordingId))) ?? null
	);
}

export function removeLocalAudio(userName: string, recordingId: string): Promise<undefined> {
	return run(userName, 'readwrite', (store) => store.delete(recordingId));
}

export async function markAudioUploaded(userName: string, recordingId: string): Promise<void> {
	const audio = await getLocalAudio(userName, recordingId);
	if (audio && !audio.uploaded) await putLocalAudio(userName, { ...audio, uploaded: true });
}

/** Which of these recordings have their audio in this browser. */
export async function localAudioIds(userName: string): Promise<Set<string>> {
	const keys = await run(userName, 'readonly', (store) => store.getAllKeys());
	return new Set(keys.map(String));
}

export async function audioAwaitingUpload(userName: string): Promise<StoredAudio[]> {
	const all = await run<StoredAudio[]>(userName, 'readonly', (store) => store.getAll());
	return all.filter((audio) => !audio.uploaded);
}

export function closeAudioDatabases(): void {
	for (const database of opened.values()) void database.then((db) => db.close());
	opened.clear();
}
