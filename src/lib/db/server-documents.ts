// Documents a browser does not replicate but needs now (a call opened from the server's list, the calls kept
// for offline scoring): read from the server with their revision histories and stored in the local copy as
// the same revisions, so the copy's push finds nothing new to send and later edits descend from them.
import { openLocalDatabase } from './local-databases';
import { whenWritable } from './write-gate';
import { requestServer, ServerUnreachable } from './server-views';

interface BulkGetResult {
	results: Array<{ id: string; docs: Array<{ ok?: Record<string, unknown> & { _id: string } }> }>;
}

/** Copies the documents that exist on the server into the local database; returns the ids it copied. */
export async function copyFromServer(
	userName: string,
	local: string,
	remoteBase: string,
	remote: string,
	ids: string[]
): Promise<string[]> {
	if (ids.length === 0) return [];
	const answer = await requestServer<BulkGetResult>(`${remoteBase}/${remote}/_bulk_get?revs=true`, {
		docs: ids.map((id) => ({ id }))
	});
	const docs = answer.results.flatMap((result) => result.docs.flatMap((doc) => (doc.ok ? [doc.ok] : [])));
	const live = docs.filter((doc) => !doc._deleted);
	await whenWritable(userName, local);
	if (live.length > 0)
		await openLocalDatabase(userName, local).bulkDocs(live as never[], { new_edits: false });
	return live.map((doc) => doc._id);
}

/** The current revisions of these documents on the server, as they are (not stored here); missing ones skipped. */
export async function readFromServer<T extends { _id: string }>(
	remoteBase: string,
	remote: string,
	ids: string[]
): Promise<T[]> {
	if (ids.length === 0) return [];
	const answer = await requestServer<{ rows: Array<{ doc?: T | null }> }>(
		`${remoteBase}/${remote}/_all_docs?include_docs=true`,
		{ keys: ids }
	);
	return answer.rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

/**
 * The most recently changed documents on the server matching the selector, newest first (its changes feed
 * read backwards, as Repository.recent reads the local one): a screen's list while the first copy runs.
 */
export async function recentOnServer<T extends { _id: string }>(
	remoteBase: string,
	remote: string,
	selector: Record<string, unknown>,
	limit: number
): Promise<T[]> {
	const answer = await requestServer<{ results: Array<{ doc?: T & { _deleted?: boolean } }> }>(
		`${remoteBase}/${remote}/_changes?descending=true&include_docs=true&filter=_selector&limit=${limit}`,
		{ selector }
	);
	return answer.results.flatMap((row) => (row.doc && !row.doc._deleted ? [row.doc] : []));
}

/** Which of these ids the server holds (deleted ones do not count). */
export async function existingOnServer(remoteBase: string, remote: string, ids: string[]): Promise<string[]> {
	if (ids.length === 0) return [];
	const answer = await requestServer<{ rows: Array<{ key: string; value?: { deleted?: boolean } }> }>(
		`${remoteBase}/${remote}/_all_docs`,
		{ keys: ids }
	);
	return answer.rows.flatMap((row) => (row.value && !row.value.deleted ? [row.key] : []));
}

/** Copies the server's documents whose ids start with `prefix` (an entry's versions) into the local database. */
export async function copyPrefixFromServer(
	userName: string,
	local: string,
	remoteBase: string,
	remote: string,
	prefix: string
): Promise<string[]> {
	const range = new URLSearchParams({
		startkey: JSON.stringify(prefix),
		endkey: JSON.stringify(`${prefix}\ufff0`)
	});
	const answer = await requestServer<{ rows: Array<{ id: string }> }>(
		`${remoteBase}/${remote}/_all_docs?${range}`
	);
	return copyFromServer(
		userName,
		local,
		remoteBase,
		remote,
		answer.rows.map((row) => row.id)
	);
}

/** The server already holds a document with this id: someone else wrote it first. */
export class AlreadyOnServer extends Error {}

/**
 * Writes a new document straight to the server, where it must not exist yet (a draw, whose first writer
 * wins). The server's validator judges it as it judges a replicated write.
 */
export async function createOnServer(
	remoteBase: string,
	remote: string,
	doc: { _id: string } & Record<string, unknown>
): Promise<string> {
	let response: Response;
	try {
		response = await fetch(`${remoteBase}/${remote}/${encodeURIComponent(doc._id)}`, {
			method: 'PUT',
			credentials: 'same-origin',
			headers: { accept: 'application/json', 'content-type': 'application/json' },
			body: JSON.stringify(doc)
		});
	} catch {
		throw new ServerUnreachable('连不上服务器');
	}
	const answer = (await response.json().catch(() => ({}))) as { rev?: string; reason?: string };
	if (response.status === 409) throw new AlreadyOnServer(answer.reason ?? '服务器上已有此文档');
	if (!response.ok || !answer.rev) throw new Error(answer.reason ?? `服务器返回 ${response.status}`);
	return answer.rev;
}

/** One document from the server, or null when it has none. */
export async function getFromServer<T>(remoteBase: string, remote: string, id: string): Promise<T | null> {
	const [doc] = await readFromServer<{ _id: string }>(remoteBase, remote, [id]);
	return (doc as T | undefined) ?? null;
}

/** An attachment's bytes, read from the server. */
export async function attachmentFromServer(
	remoteBase: string,
	remote: string,
	id: string,
	name: string
): Promise<Uint8Array> {
	let response: Response;
	try {
		response = await fetch(`${remoteBase}/${remote}/${encodeURIComponent(id)}/${encodeURIComponent(name)}`, {
			credentials: 'same-origin'
		});
	} catch {
		throw new ServerUnreachable('连不上服务器');
	}
	if (!response.ok) throw new Error(`读取 ${name} 失败：服务器返回 ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}
