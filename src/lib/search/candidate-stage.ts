// Stage 1 of the search: BM25F over the postings of the query's bigrams, words and initials, with filters
// and validity applied, plus the same terms in the answers' full text, gives the entries the exact ranking
// looks at. The rarer terms decide: a term in more than CANDIDATE_TERM_MAX_SHARE of entries is skipped once
// CANDIDATE_TERMS_MIN terms were scanned; in the answers, such a term is not looked up at all (办理, 可以:
// long answers hold them all).
import type { AnswerPostings } from './answer-postings';
import { FIELD_WEIGHT, K1, type FieldNorms } from './bm25-fields';
import type { EntryColumns } from './entry-columns';
import { INITIALS_PREFIX, INITIALS_WEIGHT } from './indexed-text';
import type { AnalyzedQuery, AnswerQueryTerm } from './query-terms';
import type { SearchOptions } from './search-types';
import type { TermPostings } from './term-postings';
import { topByScore } from './top-by-score';

/** Entries the exact ranking looks at. */
export const CANDIDATES = 60;
const CANDIDATE_TERM_MAX_SHARE = 0.02;
const CANDIDATE_TERMS_MIN = 3;
/** Answer terms are told apart by a bit each. */
const ANSWER_TERMS_MAX = 31;

/** What stage 1 reads. */
export interface CandidateIndex {
	postings: TermPostings;
	answers: AnswerPostings;
	columns: EntryColumns;
	norms: FieldNorms;
	idfOf: (term: string) => number;
}

export interface Candidates {
	/** Entry numbers, best first. */
	numbers: number[];
	/** Their stage-1 scores: equal final scores keep this order. */
	scores: number[];
	/** The part of those their answers' full text gave (BM25 of the answer field, presence and frequency). */
	answerScores: number[];
	/** Per candidate, which of `answerTerms` its answer holds (bit i: answerTerms[i]). */
	answerMasks: number[];
	/** The answer terms looked up, in bit order. */
	answerTerms: AnswerQueryTerm[];
	/** The query's own answer mass (AnalyzedQuery.answerMass) less the terms too common to look up. */
	answerMass: number;
}

export class CandidateStage {
	// Score per entry number, reused across queries; only the touched ones are reset.
	#scores = new Float64Array(0);
	#touched = new Int32Array(0);
	#answerMasks = new Int32Array(0);
	#answerScores = new Float64Array(0);

	select(
		query: AnalyzedQuery,
		options: SearchOptions,
		{ postings, answers, columns, norms, idfOf }: CandidateIndex
	): Candidates {
		const slots = columns.slots;
		if (this.#scores.length < slots) {
			this.#scores = new Float64Array(Math.max(slots, 2 * this.#scores.length));
			this.#touched = new Int32Array(this.#scores.length);
			this.#answerMasks = new Int32Array(this.#scores.length);
			this.#answerScores = new Float64Array(this.#scores.length);
		}
		const answerScores = this.#answerScores;
		const scores = this.#scores;
		const masks = this.#answerMasks;
		const touched = this.#touched;
		const ids = columns.ids;
		const filtering = Boolean(options.filters || options.today);
		// 0: not yet checked, 1: passes the filters, 2: does not.
		const checked = filtering ? new Uint8Array(slots) : undefined;
		const passes = (number: number) => {
			if (!checked) return Boolean(ids[number]);
			if (checked[number] === 0)
				checked[number] = columns.passes(number, options.filters, options.today) ? 1 : 2;
			return checked[number] === 1;
		};
		let touchedCount = 0;
		const long = query.terms.filter(({ term }) => term.length > 1);
		const topic = long.filter(({ interrogative }) => !interrogative);
		const scanned: { term: string; weight: number }[] = (topic.length ? topic : long).map(
			({ term, weight, idf }) => ({ term, weight: weight * idf })
		);
		for (const word of query.initials) {
			scanned.push({ term: INITIALS_PREFIX + word, weight: INITIALS_WEIGHT * idfOf(INITIALS_PREFIX + word) });
		}
		const maxFrequency = Math.max(50, CANDIDATE_TERM_MAX_SHARE * columns.size);
		scanned.sort((a, b) => b.weight - a.weight);
		const kept = scanned.filter(
			({ term }, index) => index < CANDIDATE_TERMS_MIN || postings.documentFrequency(term) <= maxFrequency
		);
		const bytes = postings.packedBytes;
		const normQuestion = norms.question;
		const normKeywords = norms.keywords;
		for (const { term, weight } of kept) {
			const range = postings.rangeOf(term);
			if (!range) continue;
			const fresh = range.fresh;
			const freshEnd = fresh ? fresh.length : 0;
			// Packed postings decoded inline (see term-postings.ts: delta varint, then frequencies), then the
			// fresh ones; one loop body for both keeps this hot path small.
			let number = 0;
			let at = range.start;
			for (let freshAt = 0; at < range.end || freshAt < freshEnd;) {
				let packed: number;
				if (at < range.end) {
					let delta = 0;
					let shift = 0;
					let byte: number;
					do {
						byte = bytes[at++]!;
						delta |= (byte & 127) << shift;
						shift += 7;
					} while (byte & 128);
					number += delta;
					packed = bytes[at++]!;
				} else {
					number = fresh![freshAt++]!;
					packed = fresh![freshAt++]!;
				}
				if (checked ? !passes(number) : !ids[number]) continue;
				const frequency = (packed & 15) * normQuestion[number]! + (packed >> 4) * normKeywords[number]!;
				if (scores[number] === 0) touched[touchedCount++] = number;
				scores[number]! += (weight * frequency * (K1 + 1)) / (frequency + K1);
			}
		}
		// The answers' full text: presence and frequency (1–4+), weighed as the answer field.
		const answerTerms = [...query.answerTerms]
			.sort((a, b) => b.weight * b.idf - a.weight * a.idf)
			.slice(0, ANSWER_TERMS_MAX);
		let answerMass = query.answerMass;
		const identifierHolders = new Set<number>();
		answerTerms.forEach(({ term, weight, idf, own, identifier }, index) => {
			if (answers.documentFrequency(term) > maxFrequency) {
				if (own) answerMass -= weight * idf;
				return;
			}
			const bit = 1 << index;
			const termWeight = FIELD_WEIGHT.answer * weight * idf;
			answers.forEach(term, (number, frequency) => {
				if (checked ? !passes(number) : !ids[number]) return;
				if (scores[number] === 0) touched[touchedCount++] = number;
				const score = (termWeight * frequency * (K1 + 1)) / (frequency + K1);
				scores[number]! += score;
				answerScores[number]! += score;
				masks[number]! |= bit;
				if (identifier) identifierHolders.add(number);
			});
		});
		// Found by the answer alone, and only by a synonym's or a correction's words (社会保险法 for 社保): no
		// candidate. It still counts as one found by the questions.
		let ownBits = 0;
		answerTerms.forEach(({ own }, index) => (ownBits |= own ? 1 << index : 0));
		let keptCount = 0;
		for (let index = 0; index < touchedCount; index++) {
			const number = touched[index]!;
			if (scores[number] === answerScores[number] && !(masks[number]! & ownBits)) {
				scores[number] = 0;
				masks[number] = 0;
				answerScores[number] = 0;
			} else touched[keptCount++] = number;
		}
		touchedCount = keptCount;
		let best = topByScore(touched, touchedCount, scores, CANDIDATES);
		// What a 文号 or a phone number names is always looked at, however little else it matches.
		const missing = [...identifierHolders].filter((number) => !best.includes(number));
		if (missing.length) best = [...best.slice(0, CANDIDATES - missing.length), ...missing];
		const bestScores = best.map((number) => scores[number]!);
		const answerMasks = best.map((number) => masks[number]!);
		const bestAnswerScores = best.map((number) => answerScores[number]!);
		for (let index = 0; index < touchedCount; index++) {
			scores[touched[index]!] = 0;
			masks[touched[index]!] = 0;
			answerScores[touched[index]!] = 0;
		}
		const found = (
			numbers: number[],
			stageScores: number[],
			masksOf: number[],
			answerScoresOf: number[]
		): Candidates => ({
			numbers,
			scores: stageScores,
			answerScores: answerScoresOf,
			answerMasks: masksOf,
			answerTerms,
			answerMass: Math.max(0, answerMass)
		});
		if (query.singleCharacters) {
			// Single characters only (税, 房): questions that contain one, in index order.
			const characters = query.terms.filter(({ term }) => term.length === 1).map(({ term }) => term);
			best = [];
			for (let number = 0; number < slots && best.length < CANDIDATES; number++) {
				const question = columns.questions[number]!;
				if (question && passes(number) && characters.some((character) => question.includes(character))) {
					best.push(number);
				}
			}
			const none = best.map(() => 0);
			return found(best, none, none, none);
		}
		return found(best, bestScores, answerMasks, bestAnswerScores);
	}
}
