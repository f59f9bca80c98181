// Phrases an agent put in quotes ("工本费", “12333”, 「居住证」) must stand in a result exactly as typed:
// the index proposes entries holding all of a phrase's pairs, and the page, which holds the full text,
// keeps those where the phrase itself stands (phrase-filter.ts).
import { comparableCharacters, normalizeText } from './tokenizer';

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;

/** The quoted phrases of a query in comparable form (normalized, particles and spaces dropped). */
export function quotedPhrasesOf(query: string): string[] {
	const phrases = new Set<string>();
	for (const match of query.matchAll(QUOTED)) {
		const phrase = comparableCharacters(normalizeText(match[1]!));
		if (phrase) phrases.add(phrase);
	}
	return [...phrases];
}
