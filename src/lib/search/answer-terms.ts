// What the full-text index holds of an entry beyond its questions: the terms of its whole answer and of its
// sources (titles, 文号, articles), counted. Pairs of characters, whole Latin words and numbers (12333), and
// whole 文号 and phone numbers; no single characters, which would match everywhere in long text.
import { termsOfNormalized, normalizeText } from './tokenizer';
import { wholeTermsOf } from './whole-terms';

export interface SourceText {
	title: string;
	documentNumber?: string;
	article?: string;
}

/** The text indexed beside the answer: each source's title, 文号 and article. */
export function sourcesText(sources: readonly SourceText[]): string {
	return sources
		.map(({ title, documentNumber, article }) => [title, documentNumber, article].join(' '))
		.join('\n');
}

/** Each term of the answer and sources with how often it stands there. */
export function answerTermsOf(answerText: string, sources: string): Map<string, number> {
	const text = sources ? `${answerText}\n${sources}` : answerText;
	const counts = new Map<string, number>();
	for (const term of termsOfNormalized(normalizeText(text), { unigrams: false })) {
		counts.set(term, (counts.get(term) ?? 0) + 1);
	}
	for (const { key } of wholeTermsOf(text)) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}
