// What the agents' searches tell the editors: the queries that found nothing, and the questions agents ask
// in their own words before opening an entry — offered to that entry as similar questions.
import type { SearchLog } from '$lib/db/generated/documents';
import { normalizeQuestion } from '$lib/knowledge/exchange/import-values';
import { beijingDate } from '$lib/knowledge/exchange/china-time';

export interface ZeroResultQuery {
	query: string;
	count: number;
	agents: number;
	lastSeenAt: string;
}

/** Queries that returned nothing, grouped by their normalized form, most frequent first. */
export function zeroResultQueries(logs: SearchLog[]): ZeroResultQuery[] {
	const groups = new Map<string, { query: string; count: number; agents: Set<string>; lastSeenAt: string }>();
	for (const log of logs) {
		if (log.resultCount !== 0) continue;
		const key = normalizeQuestion(log.query);
		if (!key) continue;
		const group = groups.get(key) ?? { query: log.query, count: 0, agents: new Set(), lastSeenAt: '' };
		group.count++;
		group.agents.add(log.createdBy);
		if (log.createdAt > group.lastSeenAt) {
			group.lastSeenAt = log.createdAt;
			group.query = log.query;
		}
		groups.set(key, group);
	}
	return [...groups.values()]
		.map(({ agents, ...group }) => ({ ...group, agents: agents.size }))
		.sort((a, b) => b.count - a.count || (a.lastSeenAt < b.lastSeenAt ? 1 : -1));
}

/** Three openings by different agents, or on different days, count as a habit rather than a slip. */
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

export function similarQuestionSuggestions(
	logs: SearchLog[],
	entries: Map<string, EntryQuestions>,
	decided: Set<string>
): SimilarQuestionSuggestion[] {
	const pairs = new Map<string, { query: string; entryId: string; occasions: Set<string> }>();
	for (const log of logs) {
		if (!log.openedEntryId) continue;
		const normalized = normalizeQuestion(log.query);
		// A word or two is a search, not a way of asking.
		if ([...normalized].length < 4) continue;
		const key = suggestionKey(log.query, log.openedEntryId);
		const pair = pairs.get(key) ?? { query: log.query, entryId: log.openedEntryId, occasions: new Set() };
		pair.occasions.add(`${log.createdBy}|${beijingDate(log.createdAt)}`);
		pairs.set(key, pair);
	}
	const suggestions: SimilarQuestionSuggestion[] = [];
	for (const [key, pair] of pairs) {
		if (pair.occasions.size < SUGGESTION_MIN_OPENINGS || decided.has(key)) continue;
		const entry = entries.get(pair.entryId);
		if (!entry) continue;
		const known = [entry.standardQuestion, ...entry.similarQuestions].map(normalizeQuestion);
		if (known.includes(normalizeQuestion(pair.query))) continue;
		suggestions.push({ query: pair.query, entryId: pair.entryId, openings: pair.occasions.size });
	}
	return suggestions.sort((a, b) => b.openings - a.openings);
}
