// What the agents' searches tell the editors: the queries that found nothing, and the questions agents ask
// in their own words before opening an entry, offered to that entry as similar questions. The logs stay on
// the server; these functions read the rows of its views (sync/ddocs/searchlog/insights), reduced there.
import type { ViewRow, ViewStats } from '$lib/db/server-views';
import { normalizeQuestion } from '$lib/knowledge/exchange/import-values';

/** The list shows the most frequent queries of the month; the long tail of one-off typing is left out. */
export const ZERO_RESULT_LIST_LIMIT = 500;

export interface ZeroResultQuery {
	query: string;
	count: number;
	agents: number;
	lastSeenAt: string;
}

/** Rows of insights/zero-results at group_level 3: [month, query, agent] → stats of the search times. */
export function zeroResultQueries(
	rows: ViewRow<[string, string, string], ViewStats>[],
	limit = ZERO_RESULT_LIST_LIMIT
): ZeroResultQuery[] {
	const byQuery = new Map<string, { count: number; agents: number; last: number }>();
	for (const { key, value } of rows) {
		const group = byQuery.get(key[1]) ?? { count: 0, agents: 0, last: 0 };
		group.count += value.count;
		group.agents += 1;
		group.last = Math.max(group.last, value.max);
		byQuery.set(key[1], group);
	}
	return [...byQuery]
		.map(([query, group]) => ({
			query,
			count: group.count,
			agents: group.agents,
			lastSeenAt: new Date(group.last).toISOString()
		}))
		.sort((a, b) => b.count - a.count || (a.lastSeenAt < b.lastSeenAt ? 1 : -1))
		.slice(0, limit);
}

/** Three openings, and not all by one person on one day, count as a habit rather than a slip. */
export const SUGGESTION_MIN_OPENINGS = 3;

export interface SimilarQuestionSuggestion {
	query: string;
	entryId: string;
	openings: number;
}

export interface EntryQuestions {
	standardQuestion: string;
	similarQuestions: string[];
}

export const suggestionKey = (query: string, entryId: string) => `${normalizeQuestion(query)}|${entryId}`;

/** insights/query-openings' value: the sums of [1, h, h²] over the openings, h a number per (agent, day). */
export type OpeningSums = [openings: number, sum: number, sumOfSquares: number];

/**
 * Rows of insights/query-openings at group_level 3: [month, query, entry] → OpeningSums. The h are all equal
 * (one occasion) exactly when n·Σh² = (Σh)²; they are small integers, so the sums are exact.
 */
export function suggestionCandidates(
	rows: ViewRow<[string, string, string], OpeningSums>[]
): SimilarQuestionSuggestion[] {
	return rows
		.filter(
			({ value: [openings, sum, sumOfSquares] }) =>
				openings >= SUGGESTION_MIN_OPENINGS && openings * sumOfSquares !== sum * sum
		)
		.map(({ key, value }) => ({ query: key[1], entryId: key[2], openings: value[0] }))
		.sort((a, b) => b.openings - a.openings);
}

/** Candidates less those already decided and those the entry already asks. */
export function similarQuestionSuggestions(
	candidates: SimilarQuestionSuggestion[],
	entries: Map<string, EntryQuestions>,
	decided: Set<string>
): SimilarQuestionSuggestion[] {
	return candidates.filter((candidate) => {
		const entry = entries.get(candidate.entryId);
		if (!entry || decided.has(suggestionKey(candidate.query, candidate.entryId))) return false;
		const known = [entry.standardQuestion, ...entry.similarQuestions].map(normalizeQuestion);
		return !known.includes(normalizeQuestion(candidate.query));
	});
}

export interface SearchCounts {
	searches: number;
	zero: number;
	opened: number;
}

/** Rows of insights/searches-by-day at group_level 2: [day, outcome] → count. */
export function searchCounts(rows: ViewRow<[string, string], number>[]): SearchCounts {
	const counts: SearchCounts = { searches: 0, zero: 0, opened: 0 };
	for (const { key, value } of rows) {
		counts.searches += value;
		if (key[1] === 'zero') counts.zero += value;
		if (key[1] === 'opened') counts.opened += value;
	}
	return counts;
}
