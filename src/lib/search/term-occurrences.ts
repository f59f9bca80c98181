// Where a hit's answer terms stand in a text, by character (code point): pairs and other Chinese terms on
// the folded characters as highlight.ts marks them, Latin words and numbers only whole (the tokenizer reads
// 123334 as one word, so 12333 is not in it), 文号 and phone keys wherever wholeTermsOf reads them, whatever
// brackets or dashes the text wrote them with.
import { foldCharacter } from './highlight';
import { wholeTermsOf } from './whole-terms';

export interface TermOccurrence {
	term: string;
	/** Character indexes ([...text]), end excluded. */
	start: number;
	end: number;
}

const LATIN_OR_DIGITS = /^[a-z0-9]+$/;
const isLatinOrDigit = (character: string | undefined) =>
	character !== undefined && LATIN_OR_DIGITS.test(character);
const foldTerm = (term: string) => [...term].map(foldCharacter).join('');

/** Every occurrence of the terms in `text`, in order of where they start. */
export function termOccurrencesIn(text: string, terms: readonly string[]): TermOccurrence[] {
	const folded = [...text].map(foldCharacter);
	const occurrences = new Map<string, TermOccurrence>();
	const add = (occurrence: TermOccurrence) =>
		occurrences.set(`${occurrence.start}:${occurrence.end}:${occurrence.term}`, occurrence);
	const termOfFolded = new Map([...new Set(terms)].map((term) => [foldTerm(term), term]));
	for (const [foldedTerm, term] of termOfFolded) {
		for (const start of startsOf(folded, [...foldedTerm]))
			add({ term, start, end: start + [...foldedTerm].length });
	}
	const characterIndexOf = characterIndexesByCodeUnit(text);
	for (const whole of wholeTermsOf(text)) {
		const term = termOfFolded.get(foldTerm(whole.key));
		if (term) add({ term, start: characterIndexOf[whole.start]!, end: characterIndexOf[whole.end]! });
	}
	return [...occurrences.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function startsOf(folded: readonly string[], term: readonly string[]): number[] {
	if (term.length === 0) return [];
	const whole = term.every(isLatinOrDigit);
	const starts: number[] = [];
	for (let start = 0; start + term.length <= folded.length; start++) {
		if (!term.every((character, offset) => folded[start + offset] === character)) continue;
		if (whole && (isLatinOrDigit(folded[start - 1]) || isLatinOrDigit(folded[start + term.length]))) continue;
		starts.push(start);
	}
	return starts;
}

/** For each code unit offset of `text` (and its length), the index of the character it falls in. */
function characterIndexesByCodeUnit(text: string): number[] {
	const indexes: number[] = [];
	let character = 0;
	for (const codePoint of text) {
		for (let unit = 0; unit < codePoint.length; unit++) indexes.push(character);
		character++;
	}
	indexes.push(character);
	return indexes;
}
