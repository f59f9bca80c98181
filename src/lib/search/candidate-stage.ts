// Stage 1 of the search: BM25F over the postings of the query's bigrams, words and initials, with filters
// and validity applied, gives the entries the exact ranking looks at. The rarer terms decide: a term in
// more than CANDIDATE_TERM_MAX_SHARE of entries is skipped once CANDIDATE_TERMS_MIN terms were scanned.
import { K1, type FieldNorms } from './bm25-fields';
import type { EntryColumns } from './entry-columns';
import { INITIALS_PREFIX, INITIALS_WEIGHT } from './indexed-text';
import type { AnalyzedQuery } from './query-terms';
import type { SearchOptions } from './search-types';
import type { TermPostings } from './term-postings';
import { topByScore } from './top-by-score';

/** Entries the exact ranking looks at. */
export const CANDIDATES = 60;
const CANDIDATE_TERM_MAX_SHARE = 0.02;
const CANDIDATE_TERMS_MIN = 3;

export class CandidateStage {
	// Score per entry number, reused across queries; only the touched ones are reset.
	#scores = new Float64Array(0);
	#touched = new Int32Array(0);

	select(
		query: AnalyzedQuery,
		options: SearchOptions,
		postings: TermPostings,
		columns: EntryColumns,
		norms: FieldNorms,
		idfOf: (term: string) => number
	): number[] {
		const slots = columns.slots;
		if (this.#scores.length < slots) {
			this.#scores = new Float64Array(Math.max(slots, 2 * this.#scores.length));
			this.#touched = new Int32Array(this.#scores.length);
		}
		const scores = this.#scores;
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
		const normAnswer = norms.answer;
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
				const frequency =
					(packed & 15) * normQuestion[number]! +
					((packed >> 4) & 3) * normKeywords[number]! +
					(packed >> 6) * normAnswer[number]!;
				if (scores[number] === 0) touched[touchedCount++] = number;
				scores[number]! += (weight * frequency * (K1 + 1)) / (frequency + K1);
			}
		}
		let best = topByScore(touched, touchedCount, scores, CANDIDATES);
		for (let index = 0; index < touchedCount; index++) scores[touched[index]!] = 0;
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
		}
		return best;
	}
}
