// Reading a CouchDB view on the server: aggregates over documents no browser holds (the agents' search logs),
// reduced there with the built-in reducers, so the browser receives figures, never the documents.
export interface ViewRow<Key, Value, Doc = never> {
	id?: string;
	key: Key;
	value: Value;
	doc?: Doc;
}

export interface ViewQuery {
	startkey?: unknown;
	endkey?: unknown;
	skip?: number;
	descending?: boolean;
	group_level?: number;
	group?: boolean;
	reduce?: boolean;
	include_docs?: boolean;
	limit?: number;
	/** Exact keys, sent in the body (POST). */
	keys?: unknown[];
}

/** `_stats` of numbers: CouchDB's and PouchDB's built-in reducer. */
export interface ViewStats {
	sum: number;
	count: number;
	min: number;
	max: number;
	sumsqr: number;
}

export class ServerUnreachable extends Error {}

/** A JSON request to the server with the browser's session; unreachable and refused are told apart. */
export async function requestServer<T>(url: string, body?: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, {
			credentials: 'same-origin',
			headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
			...(body ? { method: 'POST', body: JSON.stringify(body) } : {})
		});
	} catch {
		throw new ServerUnreachable('连不上服务器');
	}
	const parsed = (await response.json().catch(() => ({}))) as T & { reason?: string };
	if (!response.ok) throw new Error(parsed.reason ?? `服务器返回 ${response.status}`);
	return parsed;
}

export async function readServerView<Key, Value, Doc = never>(
	remoteBase: string,
	database: string,
	view: `${string}/${string}`,
	query: ViewQuery
): Promise<ViewRow<Key, Value, Doc>[]> {
	const [ddoc, name] = view.split('/');
	const { keys, ...rest } = query;
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(rest))
		if (value !== undefined) params.set(key, JSON.stringify(value));
	const url = `${remoteBase}/${database}/_design/${ddoc}/_view/${name}?${params}`;
	const body = await requestServer<{ rows?: ViewRow<Key, Value, Doc>[] }>(url, keys ? { keys } : undefined);
	if (!body.rows) throw new Error('服务器的回答不完整');
	return body.rows;
}
