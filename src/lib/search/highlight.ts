// Splits a text into plain and matched segments for the result list. Matching is done on the normalized
// form of each character (full-width, traditional, upper case fold like in the index), so a term found in
// the index is also found in the text as shown; particles between matched characters (社保的卡 for 保卡)
// are not marked.
import { toSimplified } from './traditional-to-simplified';

export interface HighlightSegment {
	text: string;
	match: boolean;
}

/** One character as the index reads it (full-width, traditional, upper case folded); itself when that is longer. */
export function foldCharacter(character: string): string {
	const folded = toSimplified(character.normalize('NFKC').toLowerCase());
	return [...folded].length === 1 ? folded : character;
}

export function highlightSegments(text: string, matchedTerms: readonly string[]): HighlightSegment[] {
	const characters = [...text];
	if (characters.length === 0) return [];
	const folded = characters.map(foldCharacter);
	const marked = new Array<boolean>(characters.length).fill(false);
	for (const term of new Set(matchedTerms)) {
		const termCharacters = [...term];
		if (termCharacters.length === 0) continue;
		for (let start = 0; start + termCharacters.length <= folded.length; start++) {
			if (termCharacters.every((character, offset) => folded[start + offset] === character)) {
				for (let offset = 0; offset < termCharacters.length; offset++) marked[start + offset] = true;
			}
		}
	}
	const segments: HighlightSegment[] = [];
	characters.forEach((character, index) => {
		const last = segments[segments.length - 1];
		if (last && last.match === marked[index]) last.text += character;
		else segments.push({ text: character, match: marked[index]! });
	});
	return segments;
}
