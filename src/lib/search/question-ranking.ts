// Stage 2 of the search (search-engine.ts): the candidates ranked as questions against the query. Exact
// BM25F per question (standard or similar; the best one counts) with every query term, characters included;
// plus what BM25 cannot see in question-to-question matching: agreement of question type (how / why / where
// …), the characters the query and the question share in order (LCS) and weighed by IDF (both ways, and the
// query's share), similar length, disagreeing numbers (years); the best of them then compared by dictionary
// words (word-rerank.ts). What the whole answer holds of the query beyond the question adds, so that a detail
// only an answer states (工本费, 12333) finds its entry while a question that says it all still ranks first.
import { exactBm25, type Averages } from './bm25-fields';
import type { Candidates } from './candidate-stage';
import type { EntryColumns } from './entry-columns';
import { INITIALS_WEIGHT, initialsOf, VARIANT_SEPARATOR } from './indexed-text';
import { longestCommonSubsequence, numbersDisagree } from './question-compare';
import { questionTypeAgreement, questionTypes } from './question-type';
import type { AnalyzedQuery } from './query-terms';
import type { SearchHit } from './search-types';
import type { SynonymTable } from './synonyms';
import { comparableCharacters } from './tokenizer';
import { weightedOverlapWith } from './weighted-overlap';
import { addWordAgreement, canonicalWords, wordsFromLengths } from './word-rerank';
import { wordsOf } from './word-segmenter';

const QUESTION_TYPE_WEIGHT = 0.1;
const CHARACTER_OVERLAP_WEIGHT = 0.15;
/** Shared characters and pairs weighed by rarity, both ways: what a question asks beyond the query counts. */
const WEIGHTED_GRAM_OVERLAP_WEIGHT = 0.3;
/** The share of the query's characters and pairs (by IDF) a question has: what the caller said is there. */
const GRAM_COVERAGE_WEIGHT = 0.3;
const LENGTH_RATIO_WEIGHT = 0.1;
/** Both mention numbers (years, amounts, ages) and none in common: likely another policy or case. */
const NUMBER_MISMATCH_PENALTY = 0.1;
/** The share of the query (by answer IDF) the answer holds and the question does not. */
const ANSWER_GAIN_WEIGHT = 0.5;

/** What the ranking reads of the index. */
export interface RankedIndex {
	columns: EntryColumns;
	synonyms: SynonymTable;
	averages: Averages;
	idf: (term: string) => number;
}

/** The best `limit` of the candidates (entry numbers), best first; none that scores 0 or less. */
export function rankCandidates(
	{
		numbers: candidates,
		scores: stageScores,
		answerScores,
		answerMasks,
		answerTerms,
		answerMass
	}: Candidates,
	query: AnalyzedQuery,
	{ columns, synonyms, averages, idf }: RankedIndex,
	limit: number
): SearchHit[] {
	const { terms, normalized, types, initials, readAs } = query;
	const queryCharacters = comparableCharacters(normalized);
	const queryNumbers = queryCharacters.match(/[0-9]+/g) ?? [];
	const initialsSet = new Set(initials);
	// Compared with synonyms written alike: 驾照 in a question is no extra word next to a query's 驾驶证.
	const queryCompared = synonyms.canonical(queryCharacters);
	const weightedOverlap = weightedOverlapWith(queryCompared, idf);
	// How strong a match is, judged on the query as read: a slip the search corrected does not weaken it.
	const readAsOverlap = readAs
		? weightedOverlapWith(synonyms.canonical(comparableCharacters(readAs)), idf)
		: undefined;

	const identifiers = answerTerms.filter(({ identifier }) => identifier);
	// Exact BM25F per question of each candidate; the best question counts.
	const scored = candidates.map((number, at) => {
		const variants = columns.questions[number]!.split(VARIANT_SEPARATOR);
		let best = { bm25: -1, question: 0, matched: [] as string[] };
		variants.forEach((question, index) => {
			const result = exactBm25(terms, columns, number, question, averages);
			if (result.bm25 > best.bm25) best = { ...result, question: index };
		});
		const inAnswer = answerTerms.filter((_, bit) => answerMasks[at]! & (1 << bit));
		const text = variants[best.question]!.replaceAll(' ', '');
		// It holds every 文号, phone number and long number the query names (none named: all do).
		const named = identifiers.every(
			({ term }) => inAnswer.some((found) => found.term === term) || text.includes(term)
		);
		// The answer's full text is one more field of the entry's BM25F.
		best.bm25 += answerScores[at]!;
		return {
			number,
			text,
			named,
			stage: stageScores[at]!,
			inAnswer,
			...best
		};
	});
	const top = Math.max(1e-9, ...scored.map(({ bm25 }) => bm25));
	const hits = scored.map(({ number, text, bm25, question, matched, stage, inAnswer, named }) => {
		const compared = synonyms.canonical(text);
		const overlap =
			(2 * longestCommonSubsequence(queryCompared, compared)) / (queryCompared.length + compared.length || 1);
		const lengthRatio =
			Math.min(queryCharacters.length, text.length) / Math.max(1, queryCharacters.length, text.length);
		const grams = weightedOverlap(compared);
		let score =
			bm25 / top +
			WEIGHTED_GRAM_OVERLAP_WEIGHT * grams.dice +
			GRAM_COVERAGE_WEIGHT * grams.coverage +
			QUESTION_TYPE_WEIGHT * questionTypeAgreement(types, questionTypes(text)) +
			CHARACTER_OVERLAP_WEIGHT * overlap +
			LENGTH_RATIO_WEIGHT * lengthRatio -
			(numbersDisagree(queryNumbers, text) ? NUMBER_MISMATCH_PENALTY : 0);
		const keywords = columns.keywords[number]!;
		let answerShare = 0;
		let answerGain = 0;
		// What the caller said that the answer holds and the question does not: the passage shows it.
		const answerAdds: string[] = [];
		for (const { term, weight, idf, own } of inAnswer) {
			if (!own || !answerMass) continue;
			answerShare += (weight * idf) / answerMass;
			if (text.includes(term) || keywords.includes(term)) continue;
			answerGain += (weight * idf) / answerMass;
			answerAdds.push(term);
		}
		score += ANSWER_GAIN_WEIGHT * answerGain;
		if (initialsSet.size && question === 0) {
			const standard = columns.questions[number]!.split(VARIANT_SEPARATOR)[0] ?? '';
			if (initialsOf(standard, []).some((gram) => initialsSet.has(gram))) score += INITIALS_WEIGHT;
		}
		return {
			number,
			id: columns.ids[number]!,
			score,
			matchedTerms: matched,
			question,
			text,
			stage,
			named,
			answerTerms: answerAdds,
			// Naming the document or the number asked for is a strong match, whatever else the query says.
			strength: Math.max(
				named && identifiers.length ? 1 : answerShare,
				readAsOverlap ? Math.max(grams.coverage, readAsOverlap(compared).coverage) : grams.coverage
			)
		};
	});
	// What the query's 文号 or phone number names comes first. Equal scores: the stronger in stage 1 (an
	// answer that says it more often), then the one indexed first.
	type Ordered = { named: boolean; score: number; stage: number; number: number };
	const byScore = (a: Ordered, b: Ordered) =>
		Number(b.named) - Number(a.named) || b.score - a.score || b.stage - a.stage || a.number - b.number;
	hits.sort(byScore);
	addWordAgreement(canonicalWords(wordsOf(queryCharacters), synonyms), hits, ({ number, question, text }) => {
		const lengths = columns.questionWords[number]!.split(VARIANT_SEPARATOR)[question] ?? '';
		// Indexed before the segmenter had loaded: cut now (cached) so it ranks as the others.
		return canonicalWords(lengths ? wordsFromLengths(text, lengths) : wordsOf(text), synonyms);
	});
	return hits
		.filter((hit) => hit.score > 0)
		.sort(byScore)
		.slice(0, limit)
		.map(({ id, score, matchedTerms, strength, answerTerms: inAnswer }) => ({
			id,
			score,
			matchedTerms,
			strength,
			...(readAs ? { readAs } : {}),
			...(inAnswer.length ? { answerTerms: inAnswer } : {})
		}));
}
