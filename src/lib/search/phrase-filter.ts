// A quoted phrase ("工本费") must stand in the entry as typed, not only as the pairs the index proposed the
// entry on. Each field, each line of the answer and each part of a source is compared on its own, in the
// phrase's comparable form, so no phrase is made of two; a phrase that starts or ends with a Latin letter or
// digit must stand whole there (“12333” is not in 123334).
import type { StoredPublishedEntry } from '$lib/knowledge';
import { comparableCharacters, normalizeText } from './tokenizer';

export type PhraseFields = Pick<
	StoredPublishedEntry,
	'standardQuestion' | 'similarQuestions' | 'keywords' | 'answerText' | 'sources'
>;

/** A text's comparable characters, each with the normalized characters just before and after it. */
interface ComparableText {
	characters: string[];
	before: (string | undefined)[];
	after: (string | undefined)[];
}

const isLatinOrDigit = (character: string | undefined) =>
	character !== undefined && /^[a-z0-9]$/.test(character);

/** Whether every phrase (comparable form, as quotedPhrasesOf gives them) stands in one field of the entry. */
export function holdsPhrases(entry: PhraseFields, phrases: readonly string[]): boolean {
	if (phrases.length === 0) return true;
	const texts = fieldTextsOf(entry).map(comparableTextOf);
	return phrases.every((phrase) => texts.some((text) => standsIn(text, [...phrase])));
}

function fieldTextsOf(entry: PhraseFields): string[] {
	return [
		entry.standardQuestion,
		...entry.similarQuestions,
		...entry.keywords,
		...entry.answerText.split('\n'),
		...entry.sources.flatMap((source) => [source.title, source.documentNumber ?? '', source.article ?? ''])
	].filter((text) => text.trim() !== '');
}

function comparableTextOf(text: string): ComparableText {
	const normalized = [...normalizeText(text)];
	const comparable: ComparableText = { characters: [], before: [], after: [] };
	normalized.forEach((character, index) => {
		if (!comparableCharacters(character)) return;
		comparable.characters.push(character);
		comparable.before.push(normalized[index - 1]);
		comparable.after.push(normalized[index + 1]);
	});
	return comparable;
}

function standsIn(text: ComparableText, phrase: readonly string[]): boolean {
	const last = phrase.length - 1;
	for (let start = 0; start + phrase.length <= text.characters.length; start++) {
		if (!phrase.every((character, offset) => text.characters[start + offset] === character)) continue;
		if (isLatinOrDigit(phrase[0]) && isLatinOrDigit(text.before[start])) continue;
		if (isLatinOrDigit(phrase[last]) && isLatinOrDigit(text.after[start + last])) continue;
		return true;
	}
	return phrase.length === 0;
}
