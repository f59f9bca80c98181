// BM25F over an entry's fields: questions weigh most, then keywords, then the answer's full text (its own
// index, answer-postings.ts: stage 1 scores it, the ranking adds that score).
import type { EntryColumns } from './entry-columns';
import { countOccurrences, highlightTerms } from './question-compare';
import type { QueryTerm } from './query-terms';

export const FIELD_WEIGHT = { question: 1, keywords: 0.8, answer: 0.3 } as const;
export const K1 = 1.2;
export const B = 0.75;

/** Average field lengths in terms over the knowledge base. */
export interface Averages {
	question: number;
	keywords: number;
}

/** Per entry, field weight / BM25 length normalization. */
export interface FieldNorms {
	question: Float32Array;
	keywords: Float32Array;
}

/** The divisor BM25 applies to a term's frequency in a field of this length. */
export function lengthNorm(length: number, average: number): number {
	return 1 - B + (B * length) / average;
}

export function fieldNorms(columns: EntryColumns, averages: Averages): FieldNorms {
	const slots = columns.slots;
	const norms = {
		question: new Float32Array(slots),
		keywords: new Float32Array(slots)
	};
	for (let number = 0; number < slots; number++) {
		norms.question[number] =
			FIELD_WEIGHT.question / lengthNorm(columns.questionLengths[number]!, averages.question);
		norms.keywords[number] =
			FIELD_WEIGHT.keywords / lengthNorm(columns.keywordLengths[number]!, averages.keywords);
	}
	return norms;
}

/** Exact BM25F of the query's terms over one question of an entry, with its keywords. */
export function exactBm25(
	terms: readonly QueryTerm[],
	columns: EntryColumns,
	number: number,
	question: string,
	averages: Averages
): { bm25: number; matched: string[] } {
	const keywords = columns.keywords[number]!;
	// The entry's average question length: its questions are alike, and counting terms costs time.
	const normQuestion = lengthNorm(columns.questionLengths[number]!, averages.question);
	const normKeywords = lengthNorm(columns.keywordLengths[number]!, averages.keywords);
	let bm25 = 0;
	const matched: string[] = [];
	for (const { term, weight, idf } of terms) {
		const inQuestion = countOccurrences(question, term);
		const inKeywords = keywords ? countOccurrences(keywords, term) : 0;
		if (!inQuestion && !inKeywords) continue;
		const frequency =
			(FIELD_WEIGHT.question * inQuestion) / normQuestion +
			(FIELD_WEIGHT.keywords * inKeywords) / normKeywords;
		bm25 += (weight * idf * frequency * (K1 + 1)) / (frequency + K1);
		matched.push(term);
	}
	return { bm25, matched: highlightTerms(matched) };
}
