// Mango selectors for the entry lists (pure). "Every word" is one regular expression of lookaheads tried on
// each question field, so one condition per field serves any number of words.

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a text that contains every word, in any order. */
export function allWordsPattern(text: string): string | null {
	const words = text.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return null;
	return words.map((word) => `(?=[\\s\\S]*${escapeRegex(word)})`).join('');
}

export interface EntrySelectorFilter {
	status?: string;
	/** Words that must all appear in the standard question or in one similar question. */
	text?: string;
}

export function entrySelector(filter: EntrySelectorFilter): Record<string, unknown> {
	const pattern = allWordsPattern(filter.text ?? '');
	return {
		...(filter.status ? { status: filter.status } : {}),
		...(pattern
			? {
					$or: [
						{ standardQuestion: { $regex: pattern } },
						{ similarQuestions: { $elemMatch: { $regex: pattern } } }
					]
				}
			: {})
	};
}
