// The key range of a view read, from its query string, as the embedded server's own indexes answer it
// (aggregate-views, memory-views): null when a value is not what CouchDB accepts, to leave the read to PouchDB.
import type { RangeQuery } from './map-index';

function json(value: unknown): unknown {
	if (typeof value !== 'string') return undefined;
	return JSON.parse(value);
}

export function rangeParameters(params: Record<string, unknown>): RangeQuery | null {
	try {
		const key = params.key !== undefined ? json(params.key) : undefined;
		const limit = params.limit !== undefined ? Number(params.limit) : undefined;
		const skip = params.skip !== undefined ? Number(params.skip) : 0;
		if (
			(limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) ||
			!(Number.isInteger(skip) && skip >= 0)
		)
			return null;
		return {
			startkey: key ?? json(params.startkey ?? params.start_key),
			endkey: key ?? json(params.endkey ?? params.end_key),
			inclusiveEnd: params.inclusive_end !== 'false',
			descending: params.descending === 'true',
			...(limit !== undefined ? { limit } : {}),
			skip
		};
	} catch {
		return null;
	}
}
