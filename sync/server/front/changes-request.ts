// Reads a _changes request (query string and body) into options, refusing what the server does not run:
// filters other than _doc_ids, _selector and this repository's own filter functions, and unknown feeds.
import type { FilterFunction } from '../design-code';

export type ChangesFilter =
	| { kind: 'none' }
	| { kind: 'docIds'; ids: Set<string> }
	| { kind: 'selector'; selector: Record<string, unknown> }
	| { kind: 'function'; fn: FilterFunction; query: Record<string, unknown> };

export interface ChangesOptions {
	feed: 'normal' | 'longpoll' | 'continuous';
	since: number | 'now';
	limit: number | undefined;
	allLeaves: boolean;
	includeDocs: boolean;
	conflicts: boolean;
	attachments: boolean;
	descending: boolean;
	filter: ChangesFilter;
	heartbeatMs: number | undefined;
	timeoutMs: number;
}

export class ChangesRequestError extends Error {}

/** CouchDB's default; a heartbeat keeps a feed open longer, up to MAX_WAIT_MS. */
const DEFAULT_TIMEOUT_MS = 60_000;
export const MAX_WAIT_MS = 10 * 60_000;
const MIN_HEARTBEAT_MS = 1_000;
const OPTION_PARAMETERS = new Set([
	'feed',
	'since',
	'limit',
	'style',
	'include_docs',
	'conflicts',
	'attachments',
	'att_encoding_info',
	'descending',
	'filter',
	'view',
	'doc_ids',
	'heartbeat',
	'timeout',
	'seq_interval',
	'return_docs',
	'_nonce'
]);

function text(value: unknown, name: string): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string') throw new ChangesRequestError(`参数 ${name} 无效`);
	return value;
}

function flag(value: unknown, name: string): boolean {
	const raw = text(value, name);
	return raw === 'true';
}

function wholeNumber(value: unknown, name: string): number | undefined {
	const raw = text(value, name);
	if (raw === undefined || raw === '') return undefined;
	const number = Number(raw);
	if (!Number.isInteger(number) || number < 0) throw new ChangesRequestError(`参数 ${name} 必须是非负整数`);
	return number;
}

function jsonStringArray(raw: unknown, name: string): string[] {
	const value = typeof raw === 'string' ? safeParse(raw, name) : raw;
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
		throw new ChangesRequestError(`${name} 必须是字符串数组`);
	return value as string[];
}

function safeParse(raw: string, name: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		throw new ChangesRequestError(`参数 ${name} 不是有效的 JSON`);
	}
}

function filterOf(
	query: Record<string, unknown>,
	body: Record<string, unknown>,
	repositoryFilters: ReadonlyMap<string, FilterFunction>
): ChangesFilter {
	const name = text(query.filter, 'filter');
	if (name === undefined || name === '') return { kind: 'none' };
	if (name === '_doc_ids') {
		const ids = jsonStringArray(body.doc_ids ?? query.doc_ids, 'doc_ids');
		return { kind: 'docIds', ids: new Set(ids) };
	}
	if (name === '_selector') {
		const selector = body.selector;
		if (!selector || typeof selector !== 'object' || Array.isArray(selector))
			throw new ChangesRequestError('_selector 过滤需要请求体中的 selector 对象');
		return { kind: 'selector', selector: selector as Record<string, unknown> };
	}
	const fn = repositoryFilters.get(name);
	if (!fn) throw new ChangesRequestError(`不支持的过滤器: ${name}`);
	// Filter functions read their parameters from req.query, as in CouchDB.
	const params: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(query)) if (!OPTION_PARAMETERS.has(key)) params[key] = value;
	return { kind: 'function', fn, query: params };
}

export function readChangesRequest(
	query: Record<string, unknown>,
	body: unknown,
	repositoryFilters: ReadonlyMap<string, FilterFunction>
): ChangesOptions {
	const bodyObject =
		body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
	const feed = text(query.feed, 'feed') ?? 'normal';
	if (feed !== 'normal' && feed !== 'longpoll' && feed !== 'continuous')
		throw new ChangesRequestError(`不支持的 feed: ${feed}`);
	const sinceText = text(query.since, 'since') ?? '0';
	let since: number | 'now';
	if (sinceText === 'now') since = 'now';
	else {
		// PouchDB and CouchDB 1.x sequences are integers; a JSON-quoted one is accepted too.
		const number = Number(sinceText.replace(/^"(.*)"$/, '$1'));
		if (!Number.isInteger(number) || number < 0) throw new ChangesRequestError('参数 since 无效');
		since = number;
	}
	const style = text(query.style, 'style') ?? 'main_only';
	if (style !== 'main_only' && style !== 'all_docs')
		throw new ChangesRequestError(`不支持的 style: ${style}`);
	const heartbeat = text(query.heartbeat, 'heartbeat');
	let heartbeatMs: number | undefined;
	if (heartbeat === 'true') heartbeatMs = DEFAULT_TIMEOUT_MS;
	else if (heartbeat !== undefined && heartbeat !== 'false')
		heartbeatMs = Math.max(MIN_HEARTBEAT_MS, wholeNumber(heartbeat, 'heartbeat') ?? DEFAULT_TIMEOUT_MS);
	const timeout = wholeNumber(query.timeout, 'timeout');
	return {
		feed,
		since,
		limit: wholeNumber(query.limit, 'limit'),
		allLeaves: style === 'all_docs',
		includeDocs: flag(query.include_docs, 'include_docs'),
		conflicts: flag(query.conflicts, 'conflicts'),
		attachments: flag(query.attachments, 'attachments'),
		descending: flag(query.descending, 'descending'),
		filter: filterOf(query, bodyObject, repositoryFilters),
		heartbeatMs,
		// With a heartbeat the feed stays open (CouchDB's rule), here up to MAX_WAIT_MS.
		timeoutMs: Math.min(MAX_WAIT_MS, heartbeatMs ? MAX_WAIT_MS : (timeout ?? DEFAULT_TIMEOUT_MS))
	};
}
