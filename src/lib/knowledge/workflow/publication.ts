// What agents are shown of an entry, as its own document (pure). The server lets only reviewers and admins
// write a `publishedEntry`, whatever the entry document says: on Apache CouchDB a forged replicated branch
// reaches validate_doc_update with no old document, so an editor can make a published entry's winning
// revision a draft, but cannot change what agents read. Agents' screens and search index read these.
import type { Role } from '$lib/db/catalog';
import type { Entry, PublishedEntry } from '$lib/db/generated/documents';
import { entryContent } from '../entry-content';

const ENTRY_PREFIX = 'entry:';
export const PUBLICATION_PREFIX = 'publishedEntry:';

/** publishedEntry:<key> for entry:<key>. */
export function publicationIdOf(entryId: string): string {
	return PUBLICATION_PREFIX + entryId.slice(ENTRY_PREFIX.length);
}

/** entry:<key> for publishedEntry:<key>. */
export function entryIdOfPublication(publicationId: string): string {
	return ENTRY_PREFIX + publicationId.slice(PUBLICATION_PREFIX.length);
}

/** Reviewers and admins write publications; the server refuses anyone else. */
export function mayWritePublications(roles: readonly Role[]): boolean {
	return roles.includes('reviewer') || roles.includes('admin');
}

/** Who last changed what agents see, and when. */
export interface PublicationStamp {
	by: string;
	at: string;
}

/**
 * The publication of a published or archived entry: its top-level content, which is the published version
 * (a pending revision lives apart, in `entry.revision`, and is never shown to agents). Null for drafts and
 * entries in their first review. The stamp is the reviewer's step that writes it; without one (setup
 * filling in publications for existing data) the last publishing, so no editor's name is put on it.
 */
export function publicationOf(entry: Entry, stamp?: PublicationStamp): PublishedEntry | null {
	if (entry.status !== 'published' && entry.status !== 'archived') return null;
	const publishedBy = entry.publishedBy ?? entry.updatedBy;
	const publishedAt = entry.publishedAt ?? entry.updatedAt;
	return {
		_id: publicationIdOf(entry._id),
		type: 'publishedEntry',
		entryId: entry._id,
		version: entry.version,
		status: entry.status,
		publishedBy,
		publishedAt,
		updatedBy: stamp?.by ?? publishedBy,
		updatedAt: stamp?.at ?? publishedAt,
		// Which agents see it: pub for a province entry, pub-<code> for a sub-platform's (for-city).
		...(entry.subPlatform ? { subPlatform: entry.subPlatform } : {}),
		...entryContent(entry)
	};
}

/** The publication without its revision and stamp: two publications that agree here show agents the same. */
function publicationContent(
	publication: PublishedEntry
): Omit<PublishedEntry, '_rev' | 'updatedBy' | 'updatedAt'> {
	const { _rev: _revision, updatedBy: _by, updatedAt: _at, ...content } = publication;
	// Publications written before a field existed lack it: absent and null show agents the same.
	return {
		...content,
		validFrom: content.validFrom ?? null,
		validTo: content.validTo ?? null,
		overrides: content.overrides ?? null
	};
}

function sortedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortedKeys);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([key, inner]) => [key, sortedKeys(inner)])
		);
	return value;
}

/** Whether agents would see any difference (the stamp and _rev aside, and whatever the order of fields). */
export function samePublication(a: PublishedEntry, b: PublishedEntry): boolean {
	return (
		JSON.stringify(sortedKeys(publicationContent(a))) === JSON.stringify(sortedKeys(publicationContent(b)))
	);
}

/**
 * The publications to write for these entries: those missing or different from the stored ones (on top of
 * the stored _rev). Entries without a publication write nothing, and a stored publication is never removed
 * here: a draft winning a conflict, forged or not, leaves agents with the last reviewed content.
 */
export function publicationsToWrite(
	entries: readonly Entry[],
	stored: ReadonlyMap<string, PublishedEntry>,
	stamp?: PublicationStamp
): PublishedEntry[] {
	return entries.flatMap((entry) => {
		const wanted = publicationOf(entry, stamp);
		if (!wanted) return [];
		const existing = stored.get(wanted._id);
		if (!existing) return [wanted];
		if (samePublication(existing, wanted)) return [];
		return [existing._rev ? { ...wanted, _rev: existing._rev } : wanted];
	});
}
