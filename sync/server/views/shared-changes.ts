// One read of a database's changes, with their documents, for every in-memory index catching up from the same
// point: the reduced views and the map-only views of a database each catch up on a report's reads, and reading
// the changes is most of what a catch-up costs (10 000 of them take 0.7 s of PouchDB's LevelDB here).

export type ChangesBatch = PouchDB.Core.ChangesResponse<object>;
export type ChangesReader = (
	database: string,
	since: number | string,
	limit: number
) => Promise<ChangesBatch>;

interface Pending {
	since: number | string;
	limit: number;
	batch: Promise<ChangesBatch>;
}

/** How many full batches a database keeps for the index that reads them next (see below). */
const KEPT_FULL_BATCHES = 2;

/**
 * A reader sharing each batch between the indexes asking for it. A batch being read is shared; once read, a
 * full one (as many changes as asked) is kept a little for the slower index — whoever reads it goes on from
 * its end, so it can never miss a later change — while a short one is forgotten at once: it says "nothing
 * more" only of the moment it was read.
 */
export function sharedChangesReader(
	open: (database: string) => Promise<PouchDB.Database>
): ChangesReader & { forget(database: string): void } {
	const recent = new Map<string, Pending[]>();
	const read: ChangesReader = (database, since, limit) => {
		const kept = recent.get(database) ?? [];
		const found = kept.find((pending) => pending.since === since && pending.limit === limit);
		if (found) return found.batch;
		const pending: Pending = {
			since,
			limit,
			batch: open(database).then((db) => db.changes({ since, include_docs: true, limit }))
		};
		recent.set(database, [...kept, pending].slice(-KEPT_FULL_BATCHES - 1));
		const forget = () => {
			const now = recent.get(database) ?? [];
			recent.set(
				database,
				now.filter((other) => other !== pending)
			);
		};
		pending.batch.then((batch) => {
			if (batch.results.length < limit) forget();
		}, forget);
		return pending.batch;
	};
	// A deleted database may come back under its name with sequences from 0: none of its kept batches may serve.
	return Object.assign(read, { forget: (database: string) => void recent.delete(database) });
}
