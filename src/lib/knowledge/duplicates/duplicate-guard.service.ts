// The duplicate guard: published entries whose questions read like the one an editor is typing, found with
// the agents' offline index and then scored by how alike the questions are, as agents are shown them (the
// entries' publications).
import { failure, success, type Result } from '$lib/result';
import type { OfflineSearch } from '$lib/search/offline-search.svelte';
import { getPublishedEntriesInOrder, type StoredPublishedEntry } from '../published-entry.service';
import { closestQuestion, DUPLICATE_SIMILARITY } from './question-similarity';
/** Too short to judge: a couple of characters match half the knowledge base. */
const MIN_QUESTION_LENGTH = 4;

export interface LikelyDuplicate {
	/** The publication; its entryId names the entry to open. */
	entry: StoredPublishedEntry;
	/** The entry's standard or similar question closest to the typed one. */
	question: string;
	similarity: number;
}

export async function findLikelyDuplicates(
	userName: string,
	search: OfflineSearch,
	typed: string,
	excludeId?: string
): Promise<Result<LikelyDuplicate[]>> {
	if (typed.trim().length < MIN_QUESTION_LENGTH || !search.ready) return success([]);
	const hits = await search.search(typed, { limit: 10 });
	if (!hits.ok) return hits;
	const found = await getPublishedEntriesInOrder(
		userName,
		hits.value.map((hit) => hit.id).filter((id) => id !== excludeId)
	);
	if (!found.ok) return failure(found.error);
	return success(
		found.value
			.map((entry) => ({ entry, ...closestQuestion(typed, entry) }))
			.filter((candidate) => candidate.similarity >= DUPLICATE_SIMILARITY)
			.sort((a, b) => b.similarity - a.similarity)
			.slice(0, 5)
	);
}
