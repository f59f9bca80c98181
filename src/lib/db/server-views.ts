// Reading a CouchDB view on the server: aggregates over documents no browser holds (the agents' search logs),
// reduced there with the built-in reducers, so the browser receives figures, never the documents.
export interface ViewRow<Key, Value> {
	key: Key;
	value: Value;
}

export interface ViewQuery {
	startkey?: unknown;
	endkey?: unknown;
	group_level?: number;
	reduce?: boolean;
	limit?: number;
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

export async function readServerView<Key, Value>(
	remoteBase: string,
	database: string,
	view: `${string}/${string}`,
	query: ViewQuery
): Promise<ViewRow<Key, Value>[]> {
	const [ddoc, name] = view.split('/');
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query))
		if (value !== undefined) params.set(key, JSON.stringify(value));
	const url = `${remoteBase}/${database}/_design/${ddoc}/_view/${name}?${params}`;
	let response: Response;
	try {
		response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
	} catch {
		throw new ServerUnreachable('连不上服务器');
	}
	const body = (await response.json().catch(() => ({}))) as {
		rows?: ViewRow<Key, Value>[];
		reason?: string;
	};
	if (!response.ok || !body.rows) throw new Error(body.reason ?? `服务器返回 ${response.status}`);
	return body.rows;
}
