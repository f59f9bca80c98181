// A repository view run over documents in memory, grouped and reduced with _stats as CouchDB answers a grouped
// key-range read: what the report specs feed the figures without a server.
import { collate } from 'pouchdb-collate';
import { buildDesignDocuments } from '../../sync/ddocs/build-design-docs';
import { databases } from '../../src/lib/db/catalog';

interface Stats {
	sum: number;
	count: number;
	min: number;
	max: number;
	sumsqr: number;
}

export function groupedRows<K extends unknown[]>(
	database: string,
	view: string,
	docs: object[],
	query: { startkey: unknown[]; endkey: unknown[]; group_level: number }
): Array<{ id?: string; key: K; value: Stats }> {
	const spec = databases[database]!;
	const [ddocName, viewName] = view.split('/') as [string, string];
	const ddoc = buildDesignDocuments(spec.designFolder, spec.documentTypes).find(
		(candidate) => candidate._id === `_design/${ddocName}`
	);
	const source = ddoc?.views?.[viewName]?.map;
	if (!source) throw new Error(`no view ${view} in ${database}`);
	const emitted: Array<[unknown[], number, string]> = [];
	let docId = '';
	const map = new Function('emit', `"use strict"; return (${source});`)((key: unknown[], value: number) =>
		emitted.push([key, value, docId])
	) as (doc: object) => void;
	for (const doc of docs) {
		docId = (doc as { _id: string })._id;
		map(JSON.parse(JSON.stringify(doc)));
	}
	// A map-only read (group_level 0): the rows as emitted, in key order (then by document id, as CouchDB).
	if (query.group_level === 0)
		return emitted
			.filter(([key]) => collate(key, query.startkey) >= 0 && collate(key, query.endkey) <= 0)
			.sort((a, b) => collate(a[0], b[0]) || collate(a[2], b[2]))
			.map(([key, value, id]) => ({ id, key: key as K, value: value as unknown as Stats }));
	const groups = new Map<string, { key: K; value: Stats }>();
	for (const [key, value] of emitted) {
		if (collate(key, query.startkey) < 0 || collate(key, query.endkey) > 0) continue;
		const grouped = key.slice(0, query.group_level) as K;
		const id = JSON.stringify(grouped);
		const group = groups.get(id) ?? {
			key: grouped,
			value: { sum: 0, count: 0, min: Infinity, max: -Infinity, sumsqr: 0 }
		};
		group.value.sum += value ?? 0;
		group.value.count += 1;
		group.value.min = Math.min(group.value.min, value);
		group.value.max = Math.max(group.value.max, value);
		group.value.sumsqr += (value ?? 0) * (value ?? 0);
		groups.set(id, group);
	}
	return [...groups.values()].sort((a, b) => collate(a.key, b.key));
}

/** The same read of a view reduced with _count: each group's count (map-only rows as they are). */
export function countedRows(
	database: string,
	view: string,
	docs: object[],
	query: { startkey: unknown[]; endkey: unknown[]; group_level: number; limit?: number; skip?: number }
): Array<{ id?: string; key: unknown[]; value: unknown }> {
	const rows = groupedRows<unknown[]>(database, view, docs, query);
	if (query.group_level > 0) return rows.map((row) => ({ key: row.key, value: row.value.count }));
	const from = query.skip ?? 0;
	return rows.slice(from, query.limit === undefined ? undefined : from + query.limit);
}
