// How alike two questions read, for the duplicate guard: Dice overlap of their normalized words and
// character bigrams, with question filler (请问, 怎么办 …) left out so it does not make every question alike.
import { analyzeQuery, termsOfNormalized } from '$lib/search/tokenizer';

// Question words split the text, so no bigram straddles them (社保卡怎么补办 → 社保卡 补办).
const QUESTION_WORDS =
	/怎么样|怎么办|怎么|怎样|如何|咋|什么|哪里|哪儿|哪些|多少|能否|可否|是否|可以|能不能|吗|呢|吧|了|的/g;

/** Below this the questions share too little to call the entries twins. */
export const DUPLICATE_SIMILARITY = 0.45;

function questionTerms(question: string): Set<string> {
	const content = analyzeQuery(question).normalized.replace(QUESTION_WORDS, ' ');
	return new Set(termsOfNormalized(content, { unigrams: false }));
}

/** 0 (nothing shared) … 1 (the same words). */
export function questionSimilarity(a: string, b: string): number {
	const left = questionTerms(a);
	const right = questionTerms(b);
	if (left.size === 0 || right.size === 0) return 0;
	let shared = 0;
	for (const term of left) if (right.has(term)) shared++;
	return (2 * shared) / (left.size + right.size);
}

/** The closest of an entry's standard and similar questions to what the editor typed. */
export function closestQuestion(
	typed: string,
	entry: { standardQuestion: string; similarQuestions: readonly string[] }
): { question: string; similarity: number } {
	let best = {
		question: entry.standardQuestion,
		similarity: questionSimilarity(typed, entry.standardQuestion)
	};
	for (const question of entry.similarQuestions) {
		const similarity = questionSimilarity(typed, question);
		if (similarity > best.similarity) best = { question, similarity };
	}
	return best;
}
