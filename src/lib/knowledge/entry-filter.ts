// The plain substring match used by the agents' browse screen until the full-text index replaces it.
import type { Entry } from '$lib/db/generated/documents';

export function matchesText(
	entry: Pick<Entry, 'standardQuestion' | 'similarQuestions' | 'keywords'>,
	text: string
) {
	const words = text.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = [entry.standardQuestion, ...entry.similarQuestions, ...entry.keywords].join('\n');
	return words.every((word) => haystack.includes(word));
}
