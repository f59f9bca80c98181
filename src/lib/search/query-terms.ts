// A query's weighted terms: its own (interrogatives weighed down), then what it may mean in this knowledge
// base's words: editors' and built-in synonyms, term associations learned from similar questions, and for
// a bigram the knowledge base lacks, the most frequent one that sounds the same (遇期 → 逾期).
import { storedForm } from './indexed-text';
import { homophonesOf } from './pinyin';
import { SYNONYM_WEIGHT, type SynonymTable } from './synonyms';
import type { TermAssociations } from './term-associations';
import { analyzeQuery, INTERROGATIVE_WEIGHT, termsOfNormalized } from './tokenizer';
import { wholeTermsOf } from './whole-terms';
import { CANDIDATES } from './candidate-stage';

const ASSOCIATION_WEIGHT = 0.4;
const HOMOPHONE_WEIGHT = 0.6;

export interface QueryTerm {
	term: string;
	weight: number;
	idf: number;
	/** One of the query's interrogatives (怎么, 可以 …): ranked, but no source of candidates. */
	interrogative: boolean;
}

export interface AnalyzedQuery {
	terms: QueryTerm[];
	normalized: string;
	/** Question types (how / why / where …) the query asks. */
	types: ReturnType<typeof analyzeQuery>['questionTypes'];
	/** Latin words the knowledge base does not know: maybe pinyin initials. */
	initials: string[];
	/** Only single characters (税, 房): looked for character by character. */
	singleCharacters: boolean;
	/** The query as read with its homophone slips corrected (设保卡补办 → 社保卡补办); absent when none was. */
	readAs?: string;
	/** What is looked up in the answers' full text (answer-postings.ts), IDF from the answers. */
	answerTerms: AnswerQueryTerm[];
	/**
	 * The query's own topic terms (pairs, words, 文号; no interrogatives, no expansions) with their answer
	 * IDF: what a match in the answer is measured against.
	 */
	answerMass: number;
}

export interface AnswerQueryTerm {
	term: string;
	weight: number;
	idf: number;
	/** One of the query's own terms (not a synonym's or a correction's): it counts in the answer's share. */
	own: boolean;
	/**
	 * A 文号, a phone number or a number of 5 digits or more that names few entries (at most CANDIDATES):
	 * entries holding it are always candidates, and those holding every such term of the query rank first.
	 */
	identifier: boolean;
}

/** Numbers this long name something (a hotline, an account, a phone without its area code), not a year. */
const IDENTIFIER_DIGITS = /^[0-9]{5,}$/;

/** What the query's terms are measured against: this knowledge base's statistics. */
export interface TermStatistics {
	documentFrequency(term: string): number;
	idf(term: string): number;
	/** Answers (and sources) holding the term, and its IDF over them. */
	answerFrequency(term: string): number;
	answerIdf(term: string): number;
}

export function queryTermsOf(
	query: string,
	synonyms: SynonymTable,
	associations: TermAssociations,
	statistics: TermStatistics
): AnalyzedQuery {
	const analysis = analyzeQuery(query);
	const weights = new Map<string, number>();
	const put = (term: string, weight: number) => {
		if (weight > (weights.get(term) ?? 0)) weights.set(term, weight);
	};
	for (const { term, weight } of analysis.terms) put(term, weight);
	const own = new Set(weights.keys());
	const interrogatives = new Set(
		analysis.terms.filter(({ weight }) => weight === INTERROGATIVE_WEIGHT).map(({ term }) => term)
	);
	for (const synonym of synonyms.expand(analysis.normalized)) {
		for (const term of termsOfNormalized(storedForm(synonym))) if (!own.has(term)) put(term, SYNONYM_WEIGHT);
	}
	for (const term of own) {
		if (term.length !== 2) continue;
		for (const { term: related, strength } of associations.related(term)) {
			if (!own.has(related)) put(related, ASSOCIATION_WEIGHT * strength * (weights.get(term) ?? 1));
		}
		if (statistics.documentFrequency(term) === 0 && statistics.answerFrequency(term) === 0) {
			const correction = homophoneCorrection(term, statistics);
			if (correction) put(correction, HOMOPHONE_WEIGHT * (weights.get(term) ?? 1));
		}
	}
	const terms: QueryTerm[] = [...weights]
		.filter(([term]) => statistics.documentFrequency(term) > 0)
		.map(([term, weight]) => ({
			term,
			weight,
			idf: statistics.idf(term),
			interrogative: interrogatives.has(term)
		}));
	// A Latin word the knowledge base knows (app, 12345) is itself; an unknown one may be initials.
	const initials = analysis.initials.filter((word) => statistics.documentFrequency(word) === 0);
	const singleCharacters = analysis.terms.every(({ term }) => term.length === 1) && initials.length === 0;
	const readAs = slipsCorrected(analysis.normalized, statistics);
	const answer = answerTermsOfQuery(query, weights, own, interrogatives, statistics);
	return {
		...answer,
		terms,
		normalized: analysis.normalized,
		types: analysis.questionTypes,
		initials,
		singleCharacters,
		...(readAs !== analysis.normalized ? { readAs } : {})
	};
}

/**
 * The terms looked up in the answers: the weighted pairs and words (the query's, its synonyms', its
 * corrections'), no interrogatives, and the 文号 and phone numbers the query holds, whole.
 */
function answerTermsOfQuery(
	query: string,
	weights: ReadonlyMap<string, number>,
	own: ReadonlySet<string>,
	interrogatives: ReadonlySet<string>,
	statistics: TermStatistics
): Pick<AnalyzedQuery, 'answerTerms' | 'answerMass'> {
	const answerTerms: AnswerQueryTerm[] = [];
	let answerMass = 0;
	const consider = (term: string, weight: number, isOwn: boolean, whole: boolean) => {
		const idf = statistics.answerIdf(term);
		if (isOwn) answerMass += weight * idf;
		const frequency = statistics.answerFrequency(term);
		if (frequency === 0) return;
		const identifier = isOwn && (whole || IDENTIFIER_DIGITS.test(term)) && frequency <= CANDIDATES;
		answerTerms.push({ term, weight, idf, own: isOwn, identifier });
	};
	for (const [term, weight] of weights) {
		if (term.length > 1 && !interrogatives.has(term)) consider(term, weight, own.has(term), false);
	}
	for (const { key } of wholeTermsOf(query, { asQuery: true })) consider(key, 1, true, true);
	return { answerTerms, answerMass };
}

/** The pair two characters make as an index term (both Chinese, neither a particle), or null. */
function pairOf(first: string | undefined, second: string | undefined): string | null {
	if (!first || !second) return null;
	return termsOfNormalized(first + second).includes(first + second) ? first + second : null;
}

/**
 * The text with each input-method slip replaced: a character that makes no known pair with either
 * neighbour, where a character read the same way makes known pairs with both (设保卡 → 社保卡; 卡补 alone
 * is no slip, for 补办 is known). Shown to the agent as 按"…"搜索 and used to judge match strength.
 */
function slipsCorrected(normalized: string, statistics: TermStatistics): string {
	const characters = [...normalized];
	const corrected = [...characters];
	const known = (pair: string | null) =>
		pair !== null && (statistics.documentFrequency(pair) > 0 || statistics.answerFrequency(pair) > 0);
	characters.forEach((character, at) => {
		const pairs = (candidate: string) =>
			[pairOf(characters[at - 1], candidate), pairOf(candidate, characters[at + 1])].filter(
				(pair) => pair !== null
			);
		const own = pairs(character);
		if (own.length === 0 || own.some(known)) return;
		let best = 0;
		for (const other of homophonesOf(character)) {
			const theirs = pairs(other);
			if (!theirs.every(known)) continue;
			const frequency = theirs.reduce((sum, pair) => sum + statistics.documentFrequency(pair), 0);
			if (frequency > best) {
				best = frequency;
				corrected[at] = other;
			}
		}
	});
	return corrected.join('');
}

/** For a bigram the knowledge base lacks, the most frequent bigram that sounds the same. */
function homophoneCorrection(bigram: string, statistics: TermStatistics): string | undefined {
	const [first, second] = [...bigram] as [string, string];
	let best: string | undefined;
	let bestFrequency = 0;
	const consider = (candidate: string) => {
		const frequency = statistics.documentFrequency(candidate);
		if (frequency > bestFrequency) {
			best = candidate;
			bestFrequency = frequency;
		}
	};
	for (const other of homophonesOf(first)) consider(other + second);
	for (const other of homophonesOf(second)) consider(first + other);
	return best;
}
