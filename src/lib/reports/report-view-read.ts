// One key-range read of a `reports` view, as both reports' queries describe it, and the parameters CouchDB takes
// for it: the browser and the CLI send the same ones.

export interface ReportViewRead {
	view: `reports/${string}`;
	startkey: unknown[];
	endkey: unknown[];
	/** Grouped to this level; 0 for a map-only view's rows. */
	group_level: number;
	limit?: number;
	skip?: number;
}

export interface ViewParameters {
	startkey: unknown[];
	endkey: unknown[];
	group_level?: number;
	limit?: number;
	skip?: number;
}

/** A map-only view takes no grouping (CouchDB refuses group_level on it), so level 0 sends none. */
export function viewParameters(read: ReportViewRead): ViewParameters {
	const { startkey, endkey, group_level, limit, skip } = read;
	return {
		startkey,
		endkey,
		...(group_level > 0 ? { group_level } : {}),
		...(limit === undefined ? {} : { limit }),
		...(skip === undefined ? {} : { skip })
	};
}
