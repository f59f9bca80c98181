// How an entry's text is held in the index: normalized, its questions side by side, and the pinyin
// initials of its standard question (sbk → 社保卡) as extra terms.
import { pinyinInitialRuns } from './pinyin';
import { comparableCharacters, normalizeText } from './tokenizer';

/** Between an entry's standard question and its similar questions in one stored string. */
export const VARIANT_SEPARATOR = '\u0002';
/** Initials terms are kept apart from words in the postings by this prefix. */
export const INITIALS_PREFIX = 'py:';
export const INITIALS_WEIGHT = 0.8;
/** Pinyin initials are indexed for this many characters of the standard question. */
const INITIALS_SPAN = 24;

/** Normalized text as stored: particles dropped, segments separated by single spaces. */
export function storedForm(normalized: string): string {
	return normalized.split(' ').map(comparableCharacters).filter(Boolean).join(' ');
}

/** Runs of 3–4 initials of the standard question, and the initials of each keyword. */
export function initialsOf(standardStored: string, keywords: readonly string[]): string[] {
	const grams = new Set<string>();
	for (const run of pinyinInitialRuns(standardStored.replaceAll(' ', '').slice(0, INITIALS_SPAN))) {
		for (let size = 3; size <= 4; size++) {
			for (let start = 0; start + size <= run.length; start++) grams.add(run.slice(start, start + size));
		}
	}
	for (const keyword of keywords) {
		const runs = pinyinInitialRuns(comparableCharacters(normalizeText(keyword)));
		if (runs.length === 1 && runs[0]!.length >= 2) grams.add(runs[0]!);
	}
	return [...grams];
}
