// What agents read: the publications of entries (publishedEntry documents, written by reviewers only), looked
// up by the entry's id, which search logs, reports and links keep. Editors' screens read the entries; the
// province editors' browsers hold no publications (replication-plan.ts), so what agents are shown is made
// from the entry there, as the reviewer's step makes it (publicationOf).
// Returns results, never throws at the UI.
import { KNOWLEDGE_DB, PUBLISHED_DB } from '$lib/db/catalog';
import type { PublishedEntry } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { readFromServer } from '$lib/db/server-documents';
import { leavesOnServer } from '$lib/db/server-databases';
import { syncBaseUrl } from '$lib/session/session.service';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { entrySelector } from './entry-query';
import { isInForce } from './rules/validity';
import { publicationIdOf, publicationOf } from './workflow/publication';

export type StoredPublishedEntry = Stored<PublishedEntry>;

const publications = (userName: string) => new Repository(userName, 'publishedEntry');

/** A province editor's browser: it holds the entries and leaves their publications on the server. */
const publicationsOnServer = () => leavesOnServer(KNOWLEDGE_DB, 'publishedEntry');

/** What agents are shown of the entries held in this browser (an editor's), by entry id. */
async function fromHeldEntries(
	userName: string,
	entryIds: readonly string[]
): Promise<Map<string, StoredPublishedEntry>> {
	if (!publicationsOnServer()) return new Map();
	const entries = await new Repository(userName, 'entry').getMany([...entryIds]);
	return new Map(
		entries.flatMap((entry) => {
			const publication = publicationOf(entry);
			return publication ? [[entry._id, publication as StoredPublishedEntry] as const] : [];
		})
	);
}

/** The publication of one entry (published or archived); null when agents were never shown it. */
export async function getPublishedEntry(
	userName: string,
	entryId: string
): Promise<Result<StoredPublishedEntry | null>> {
	try {
		const held = (await fromHeldEntries(userName, [entryId])).get(entryId);
		return success(held ?? (await publications(userName).get(publicationIdOf(entryId))));
	} catch (error) {
		return failure(explainFailure(error, '读取知识点'));
	}
}

/**
 * Publications of pub that this browser does not hold yet: while a first copy runs, the index the server
 * shipped finds entries before their documents have arrived. Unreachable server: none.
 */
async function fromServer(entryIds: readonly string[]): Promise<StoredPublishedEntry[]> {
	return readFromServer<StoredPublishedEntry>(
		syncBaseUrl(),
		PUBLISHED_DB,
		entryIds.map(publicationIdOf)
	).catch(() => []);
}

/**
 * The publications of these entries in the given order (search hits); entries without one are skipped.
 * @param askServer read those not held here from the server (the index is ahead of the local copy)
 */
export async function getPublishedEntriesInOrder(
	userName: string,
	entryIds: readonly string[],
	askServer = false
): Promise<Result<StoredPublishedEntry[]>> {
	try {
		const found = await publications(userName).getMany(entryIds.map(publicationIdOf));
		const byEntryId = new Map(found.map((publication) => [publication.entryId, publication]));
		for (const [id, publication] of await fromHeldEntries(userName, entryIds)) byEntryId.set(id, publication);
		const missing = entryIds.filter((id) => !byEntryId.has(id));
		if (askServer && missing.length > 0)
			for (const publication of await fromServer(missing)) byEntryId.set(publication.entryId, publication);
		return success(entryIds.flatMap((id) => byEntryId.get(id) ?? []));
	} catch (error) {
		return failure(explainFailure(error, '读取检索结果'));
	}
}

/** Standard questions agents know these entries by, by entry id (entries never published are absent). */
export async function publishedEntryTitles(
	userName: string,
	entryIds: readonly string[]
): Promise<Result<Map<string, string>>> {
	const found = await getPublishedEntriesInOrder(userName, entryIds);
	if (!found.ok) return found;
	return success(
		new Map(found.value.map((publication) => [publication.entryId, publication.standardQuestion]))
	);
}

export interface PublishedEntryFilter {
	/** Words that must all appear in the standard question or a similar question. */
	text?: string;
	limit: number;
}

/**
 * What agents find before the search index is built: published entries matching the words, most recently
 * changed first, those not in force on `today` (Beijing's date) left out; null keeps them (shown as 已失效).
 */
export async function listPublishedEntries(
	userName: string,
	filter: PublishedEntryFilter,
	today: string | null
): Promise<Result<StoredPublishedEntry[]>> {
	try {
		const query = {
			selector: entrySelector({ status: 'published', text: filter.text }) as PouchDB.Find.Selector,
			limit: filter.limit * 2
		};
		const found = await publications(userName).recent(query);
		// An editor's browser: the entries themselves.
		if (publicationsOnServer())
			for (const entry of await new Repository(userName, 'entry').recent(query)) {
				const publication = publicationOf(entry);
				if (publication) found.push(publication as StoredPublishedEntry);
			}
		const inForce = found.filter(
			(publication) => !today || isInForce(publication.validFrom, publication.validTo, today)
		);
		return success(inForce.slice(0, filter.limit));
	} catch (error) {
		return failure(explainFailure(error, '读取知识库'));
	}
}
