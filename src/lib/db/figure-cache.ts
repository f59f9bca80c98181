// Figures read from the server, kept in this browser with the time they were computed, so a screen offline
// shows the last ones it had, saying when they are from. _local documents never replicate.
import { openLocalDatabase } from './local-databases';
import { readLocalDocument, writeLocalDocument } from './local-documents';

interface CachedFigures<T> {
	_id: string;
	_rev?: string;
	computedAt: string;
	figures: T | null;
}

export interface Figures<T> {
	computedAt: string;
	figures: T;
}

export async function readCachedFigures<T>(
	userName: string,
	database: string,
	key: string
): Promise<Figures<T> | null> {
	const db = openLocalDatabase(userName, database);
	const cached = await readLocalDocument<CachedFigures<T>>(db, {
		_id: `_local/figures:${key}`,
		computedAt: '',
		figures: null
	});
	return cached.figures === null ? null : { computedAt: cached.computedAt, figures: cached.figures };
}

export async function cacheFigures<T>(
	userName: string,
	database: string,
	key: string,
	figures: Figures<T>
): Promise<void> {
	const db = openLocalDatabase(userName, database);
	const empty: CachedFigures<T> = { _id: `_local/figures:${key}`, computedAt: '', figures: null };
	const current = await readLocalDocument<CachedFigures<T>>(db, empty);
	await writeLocalDocument(db, { ...current, computedAt: figures.computedAt, figures: figures.figures });
}
