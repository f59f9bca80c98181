// The offline search over knowledge entries, in two stages.
//  1. Candidates: BM25F over the inverted index (term-postings.ts) of the query's bigrams and words, with
//     IDF from this knowledge base, fields weighted (questions > keywords > start of the answer), filters
//     and validity applied: the best CANDIDATES entries.
//  2. Ranking: for those, exact BM25F per question (standard or similar; the best one counts) with every
//     query term, characters included and interrogatives weighed down; plus what BM25 cannot see in
//     question-to-question matching: agreement of question type (how / why / where …), the characters the
//     query and the question share in order (LCS), similar length, and disagreeing numbers (years).
// Query expansion: editors' and built-in synonyms, term associations learned from similar questions,
// homophone corrections for bigrams the knowledge base lacks (遇期 → 逾期), pinyin initials (sbk → 社保卡).
//
// Why not FlexSearch (measured, see the search benchmark): it ranks by term position, without IDF or term
// frequency, so it could only propose candidates; with it at 100 000 entries the build took 25 s, queries
// 9 ms (p50) / 38 ms (p95) in Node, and its JSON export 94 MB took 1.7 s to import. It stays in the
// benchmark as an anchor.
import { homophonesOf, pinyinInitialRuns } from './pinyin';
import { questionTypeAgreement, questionTypes } from './question-type';
import { weightedOverlapWith } from './weighted-overlap';
import {
	countOccurrences,
	highlightTerms,
	longestCommonSubsequence,
	numbersDisagree
} from './question-compare';
import { topByScore } from './top-by-score';
import { PROVINCE_WIDE_REGION, type SearchableEntry } from './searchable-entry';
import { SYNONYM_WEIGHT, SynonymTable, type SynonymGroup } from './synonyms';
import { pairsOfEntry, TermAssociations } from './term-associations';
import { TermPostings, type PackedPostings } from './term-postings';
import {
	analyzeQuery,
	comparableCharacters,
	INTERROGATIVE_WEIGHT,
	normalizeText,
	termsOfNormalized
} from './tokenizer';

export interface SearchFilters {
	categoryIds?: readonly string[];
	/** A city: its own entries and the province-wide ones. */
	region?: string;
	template?: string;
}

export interface SearchOptions {
	limit?: number;
	filters?: SearchFilters;
	/** YYYY-MM-DD: entries not in force that day are left out. */
	today?: string;
}

export interface SearchHit {
	id: string;
	score: number;
	/** Normalized query terms found in the entry, for highlighting. */
	matchedTerms: string[];
}

/** A piece of the exported index: strings and typed arrays, for IndexedDB's structured clone. */
export interface IndexChunk {
	key: string;
	data: string | Int32Array | Uint8Array;
}

const FIELD_WEIGHT = { question: 1, keywords: 0.8, answer: 0.3 } as const;
const K1 = 1.2;
const B = 0.75;
/** Only the start of an answer is indexed: it says what the answer is about, the rest is detail. */
const ANSWER_PREFIX = 60;
/** Entries the exact ranking looks at. */
const CANDIDATES = 60;
const QUESTION_TYPE_WEIGHT = 0.1;
const CHARACTER_OVERLAP_WEIGHT = 0.15;
/** Shared characters and pairs weighed by rarity, both ways: what a question asks beyond the query counts. */
const WEIGHTED_GRAM_OVERLAP_WEIGHT = 0.3;
const LENGTH_RATIO_WEIGHT = 0.1;
/** Both mention numbers (years, amounts, ages) and none in common: likely another policy or case. */
const NUMBER_MISMATCH_PENALTY = 0.1;
const ASSOCIATION_WEIGHT = 0.4;
const HOMOPHONE_WEIGHT = 0.6;
const INITIALS_WEIGHT = 0.8;
/** Pinyin initials are indexed for this many characters of the standard question. */
const INITIALS_SPAN = 24;
const INITIALS_PREFIX = 'py:';
const VARIANT_SEPARATOR = '\u0002';
const FORMAT_VERSION = 3;
/** Candidates come from terms in at most this share of entries (the rarer ones decide); at least 3 terms. */
const CANDIDATE_TERM_MAX_SHARE = 0.02;
const CANDIDATE_TERMS_MIN = 3;

interface Totals {
	entries: number;
	questionTerms: number;
	keywordTerms: number;
	answerTerms: number;
}

interface QueryTerm {
	term: string;
	weight: number;
	idf: number;
	/** One of the query's interrogatives (怎么, 可以 …): ranked, but no source of candidates. */
	interrogative: boolean;
}

interface Averages {
	question: number;
	keywords: number;
	answer: number;
}

/** Normalized text as stored: particles dropped, segments separated by single spaces. */
function storedForm(normalized: string): string {
	return normalized.split(' ').map(comparableCharacters).filter(Boolean).join(' ');
}

function initialsOf(standardStored: string, keywords: readonly string[]): string[] {
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

export class SearchEngine {
	#postings = new TermPostings();
	// Entries by internal number, column by column (compact, and quick to store and load). A removed
	// entry leaves an empty id; its number is not reused until the index is rebuilt.
	#ids: string[] = [];
	#questions: string[] = [];
	#keywords: string[] = [];
	#answers: string[] = [];
	#categoryIds: string[] = [];
	#regions: string[] = [];
	#templates: string[] = [];
	#validFrom: string[] = [];
	#validTo: string[] = [];
	#questionLengths: number[] = [];
	#keywordLengths: number[] = [];
	#answerLengths: number[] = [];
	#numberOf = new Map<string, number>();
	#totals: Totals = { entries: 0, questionTerms: 0, keywordTerms: 0, answerTerms: 0 };
	#removed = 0;
	#removedSinceCompaction = 0;
	#synonyms = new SynonymTable();
	#associations = new TermAssociations();
	#scores = new Float64Array(0);
	#touched = new Int32Array(0);

	get size(): number {
		return this.#numberOf.size;
	}

	has(id: string): boolean {
		return this.#numberOf.has(id);
	}

	/** Share of index slots held by removed or replaced entries (rebuild when it grows large). */
	get staleShare(): number {
		return this.#ids.length ? this.#removed / this.#ids.length : 0;
	}

	setSynonyms(groups: readonly SynonymGroup[]): void {
		this.#synonyms = new SynonymTable(groups);
	}

	add(entry: SearchableEntry): void {
		if (this.#numberOf.has(entry.id)) this.remove(entry.id);
		const questions = [entry.standardQuestion, ...entry.similarQuestions]
			.map((question) => storedForm(normalizeText(question)))
			.filter(Boolean);
		const keywords = storedForm(entry.keywords.map(normalizeText).join(' '));
		const answer = storedForm(normalizeText(entry.answerText.slice(0, ANSWER_PREFIX)));
		const number = this.#ids.length;
		this.#ids.push(entry.id);
		this.#questions.push(questions.join(VARIANT_SEPARATOR));
		this.#keywords.push(keywords);
		this.#answers.push(answer);
		this.#categoryIds.push(entry.categoryId);
		this.#regions.push(entry.region);
		this.#templates.push(entry.template);
		this.#validFrom.push(entry.validFrom ? entry.validFrom.slice(0, 10) : '');
		this.#validTo.push(entry.validTo ? entry.validTo.slice(0, 10) : '');
		this.#numberOf.set(entry.id, number);

		const questionTerms = questions.map((question) => termsOfNormalized(question));
		const keywordTerms = termsOfNormalized(keywords);
		const answerTerms = termsOfNormalized(answer);
		const questionLength = questionTerms.length
			? questionTerms.reduce((sum, terms) => sum + terms.length, 0) / questionTerms.length
			: 0;
		this.#questionLengths.push(questionLength);
		this.#keywordLengths.push(keywordTerms.length);
		this.#answerLengths.push(answerTerms.length);

		// Field frequencies of every term (question: the highest over the entry's questions); the
		// postings hold bigrams and words only, characters count in the exact ranking.
		const terms = new Map<string, number>();
		for (const question of questionTerms) {
			const local = new Map<string, number>();
			for (const term of question) local.set(term, (local.get(term) ?? 0) + 1);
			for (const [term, frequency] of local) {
				const code = terms.get(term) ?? 0;
				if (frequency > (code & 255)) terms.set(term, (code & ~255) | Math.min(frequency, 255));
				else if (!terms.has(term)) terms.set(term, code);
			}
		}
		for (const term of keywordTerms) terms.set(term, (terms.get(term) ?? 0) + (1 << 8));
		for (const term of answerTerms) terms.set(term, (terms.get(term) ?? 0) + (1 << 16));
		for (const initials of initialsOf(questions[0] ?? '', entry.keywords))
			terms.set(INITIALS_PREFIX + initials, 1);
		this.#postings.add(number, terms);
		this.#count(number, 1);
	}

	remove(id: string): void {
		const number = this.#numberOf.get(id);
		if (number === undefined) return;
		this.#postings.forget(this.#distinctTerms(number));
		this.#count(number, -1);
		this.#numberOf.delete(id);
		this.#ids[number] = '';
		this.#questions[number] = '';
		this.#keywords[number] = '';
		this.#answers[number] = '';
		this.#removed++;
		this.#removedSinceCompaction++;
	}

	/** Every term of an entry, for document frequencies. */
	#distinctTerms(number: number): Set<string> {
		const terms = new Set<string>();
		const [standard = ''] = this.#questions[number]!.split(VARIANT_SEPARATOR);
		for (const initials of initialsOf(standard, [])) terms.add(INITIALS_PREFIX + initials);
		for (const question of this.#questions[number]!.split(VARIANT_SEPARATOR)) {
			for (const term of termsOfNormalized(question)) terms.add(term);
		}
		for (const term of termsOfNormalized(this.#keywords[number]!)) terms.add(term);
		for (const term of termsOfNormalized(this.#answers[number]!)) terms.add(term);
		return terms;
	}

	#count(number: number, sign: 1 | -1): void {
		this.#totals.entries += sign;
		this.#totals.questionTerms += sign * this.#questionLengths[number]!;
		this.#totals.keywordTerms += sign * this.#keywordLengths[number]!;
		this.#totals.answerTerms += sign * this.#answerLengths[number]!;
		const [standard = '', ...similar] = this.#questions[number]!.split(VARIANT_SEPARATOR);
		if (similar.length) this.#associations.apply(pairsOfEntry(standard, similar), sign);
	}

	#normsCache:
		{ key: string; question: Float32Array; keywords: Float32Array; answer: Float32Array } | undefined;

	/** Per entry, field weight / BM25 length normalization, recomputed when lengths or averages change. */
	#norms(averages: Averages) {
		const key = `${this.#ids.length}:${this.#removed}:${averages.question}:${averages.keywords}:${averages.answer}`;
		if (this.#normsCache?.key === key) return this.#normsCache;
		const slots = this.#ids.length;
		const norms = {
			key,
			question: new Float32Array(slots),
			keywords: new Float32Array(slots),
			answer: new Float32Array(slots)
		};
		for (let number = 0; number < slots; number++) {
			norms.question[number] =
				FIELD_WEIGHT.question / (1 - B + (B * this.#questionLengths[number]!) / averages.question);
			norms.keywords[number] =
				FIELD_WEIGHT.keywords / (1 - B + (B * this.#keywordLengths[number]!) / averages.keywords);
			norms.answer[number] =
				FIELD_WEIGHT.answer / (1 - B + (B * this.#answerLengths[number]!) / averages.answer);
		}
		this.#normsCache = norms;
		return norms;
	}

	#idf(term: string): number {
		const frequency = this.#postings.documentFrequency(term);
		return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
	}

	#averages(): Averages {
		const entries = Math.max(1, this.#totals.entries);
		return {
			question: Math.max(1, this.#totals.questionTerms / entries),
			keywords: Math.max(1, this.#totals.keywordTerms / entries),
			answer: Math.max(1, this.#totals.answerTerms / entries)
		};
	}

	#queryTerms(query: string) {
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
		for (const synonym of this.#synonyms.expand(analysis.normalized)) {
			for (const term of termsOfNormalized(storedForm(synonym)))
				if (!own.has(term)) put(term, SYNONYM_WEIGHT);
		}
		for (const term of own) {
			if (term.length !== 2) continue;
			for (const { term: related, strength } of this.#associations.related(term)) {
				if (!own.has(related)) put(related, ASSOCIATION_WEIGHT * strength * (weights.get(term) ?? 1));
			}
			if (this.#postings.documentFrequency(term) === 0) {
				const correction = this.#homophoneCorrection(term);
				if (correction) put(correction, HOMOPHONE_WEIGHT * (weights.get(term) ?? 1));
			}
		}
		const terms: QueryTerm[] = [...weights]
			.filter(([term]) => this.#postings.documentFrequency(term) > 0)
			.map(([term, weight]) => ({
				term,
				weight,
				idf: this.#idf(term),
				interrogative: interrogatives.has(term)
			}));
		// A Latin word the knowledge base knows (app, 12345) is itself; an unknown one may be initials.
		const initials = analysis.initials.filter((word) => this.#postings.documentFrequency(word) === 0);
		// A query of single characters (税, 房) is looked for character by character.
		const singleCharacters = analysis.terms.every(({ term }) => term.length === 1) && initials.length === 0;
		return {
			terms,
			normalized: analysis.normalized,
			types: analysis.questionTypes,
			initials,
			singleCharacters
		};
	}

	/** For a bigram the knowledge base lacks, the most frequent bigram that sounds the same. */
	#homophoneCorrection(bigram: string): string | undefined {
		const [first, second] = [...bigram] as [string, string];
		let best: string | undefined;
		let bestFrequency = 0;
		const consider = (candidate: string) => {
			const frequency = this.#postings.documentFrequency(candidate);
			if (frequency > bestFrequency) {
				best = candidate;
				bestFrequency = frequency;
			}
		};
		for (const other of homophonesOf(first)) consider(other + second);
		for (const other of homophonesOf(second)) consider(first + other);
		return best;
	}

	#passes(number: number, filters: SearchFilters | undefined, today: string | undefined): boolean {
		if (!this.#ids[number]) return false;
		if (today) {
			const from = this.#validFrom[number]!;
			const to = this.#validTo[number]!;
			if ((from && from > today) || (to && to < today)) return false;
		}
		if (!filters) return true;
		if (filters.categoryIds?.length && !filters.categoryIds.includes(this.#categoryIds[number]!))
			return false;
		if (filters.template && this.#templates[number] !== filters.template) return false;
		const region = this.#regions[number];
		if (filters.region && region !== filters.region && region !== PROVINCE_WIDE_REGION) return false;
		return true;
	}

	/** Stage 1: BM25F over the postings of the query's bigrams, words and initials. */
	#candidates(
		terms: QueryTerm[],
		initials: string[],
		options: SearchOptions,
		averages: Averages,
		singleCharacters: boolean
	): number[] {
		const slots = this.#ids.length;
		if (this.#scores.length < slots) {
			this.#scores = new Float64Array(Math.max(slots, 2 * this.#scores.length));
			this.#touched = new Int32Array(this.#scores.length);
		}
		const scores = this.#scores;
		const touched = this.#touched;
		const ids = this.#ids;
		const filtering = Boolean(options.filters || options.today);
		// 0: not yet checked, 1: passes the filters, 2: does not.
		const checked = filtering ? new Uint8Array(slots) : undefined;
		const passes = (number: number) => {
			if (!checked) return Boolean(ids[number]);
			if (checked[number] === 0)
				checked[number] = this.#passes(number, options.filters, options.today) ? 1 : 2;
			return checked[number] === 1;
		};
		let touchedCount = 0;
		const long = terms.filter(({ term }) => term.length > 1);
		const topic = long.filter(({ interrogative }) => !interrogative);
		const scanned: { term: string; weight: number }[] = (topic.length ? topic : long).map(
			({ term, weight, idf }) => ({
				term,
				weight: weight * idf
			})
		);
		for (const word of initials) {
			scanned.push({
				term: INITIALS_PREFIX + word,
				weight: INITIALS_WEIGHT * this.#idf(INITIALS_PREFIX + word)
			});
		}
		const norms = this.#norms(averages);
		const maxFrequency = Math.max(50, CANDIDATE_TERM_MAX_SHARE * this.size);
		scanned.sort((a, b) => b.weight - a.weight);
		const kept = scanned.filter(
			({ term }, index) =>
				index < CANDIDATE_TERMS_MIN || this.#postings.documentFrequency(term) <= maxFrequency
		);
		const bytes = this.#postings.packedBytes;
		const normQuestion = norms.question;
		const normKeywords = norms.keywords;
		const normAnswer = norms.answer;
		for (const { term, weight } of kept) {
			const range = this.#postings.rangeOf(term);
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
		if (singleCharacters) {
			// Single characters only (税, 房): questions that contain one, in index order.
			const characters = terms.filter(({ term }) => term.length === 1).map(({ term }) => term);
			best = [];
			for (let number = 0; number < slots && best.length < CANDIDATES; number++) {
				const question = this.#questions[number]!;
				if (question && passes(number) && characters.some((character) => question.includes(character))) {
					best.push(number);
				}
			}
		}
		return best;
	}

	search(query: string, options: SearchOptions = {}): SearchHit[] {
		const limit = options.limit ?? 10;
		const { terms, normalized, types, initials, singleCharacters } = this.#queryTerms(query);
		if (terms.length === 0 && initials.length === 0) return [];
		const averages = this.#averages();
		const candidates = this.#candidates(terms, initials, options, averages, singleCharacters);
		const queryCharacters = comparableCharacters(normalized);
		const queryNumbers = queryCharacters.match(/[0-9]+/g) ?? [];
		const initialsSet = new Set(initials);
		// Compared with synonyms written alike: 驾照 in a question is no extra word next to a query's 驾驶证.
		const queryCompared = this.#synonyms.canonical(queryCharacters);
		const weightedOverlap = weightedOverlapWith(queryCompared, (gram) => this.#idf(gram));

		// Stage 2: exact BM25F per question of each candidate.
		const scored = candidates.map((number) => {
			const variants = this.#questions[number]!.split(VARIANT_SEPARATOR);
			let best = { bm25: -1, question: 0, matched: [] as string[] };
			variants.forEach((question, index) => {
				const result = this.#exactBm25(terms, number, question, averages);
				if (result.bm25 > best.bm25) best = { ...result, question: index };
			});
			return { number, text: variants[best.question]!.replaceAll(' ', ''), ...best };
		});
		const top = Math.max(1e-9, ...scored.map(({ bm25 }) => bm25));
		return (
			scored
				.map(({ number, text, bm25, question, matched }) => {
					const compared = this.#synonyms.canonical(text);
					const overlap =
						(2 * longestCommonSubsequence(queryCompared, compared)) /
						(queryCompared.length + compared.length || 1);
					const lengthRatio =
						Math.min(queryCharacters.length, text.length) / Math.max(1, queryCharacters.length, text.length);
					let score =
						bm25 / top +
						WEIGHTED_GRAM_OVERLAP_WEIGHT * weightedOverlap(compared) +
						QUESTION_TYPE_WEIGHT * questionTypeAgreement(types, questionTypes(text)) +
						CHARACTER_OVERLAP_WEIGHT * overlap +
						LENGTH_RATIO_WEIGHT * lengthRatio -
						(numbersDisagree(queryNumbers, text) ? NUMBER_MISMATCH_PENALTY : 0);
					if (initialsSet.size && question === 0) {
						const standard = this.#questions[number]!.split(VARIANT_SEPARATOR)[0] ?? '';
						if (initialsOf(standard, []).some((gram) => initialsSet.has(gram))) score += INITIALS_WEIGHT;
					}
					return { number, id: this.#ids[number]!, score, matchedTerms: matched };
				})
				.filter((hit) => hit.score > 0)
				// Equal scores (entries that normalize alike): the one indexed first.
				.sort((a, b) => b.score - a.score || a.number - b.number)
				.slice(0, limit)
				.map(({ id, score, matchedTerms }) => ({ id, score, matchedTerms }))
		);
	}

	#exactBm25(terms: QueryTerm[], number: number, question: string, averages: Averages) {
		const keywords = this.#keywords[number]!;
		const answer = this.#answers[number]!;
		// The entry's average question length: its questions are alike, and counting terms costs time.
		const normQuestion = 1 - B + (B * this.#questionLengths[number]!) / averages.question;
		const normKeywords = 1 - B + (B * this.#keywordLengths[number]!) / averages.keywords;
		const normAnswer = 1 - B + (B * this.#answerLengths[number]!) / averages.answer;
		let bm25 = 0;
		const matched: string[] = [];
		for (const { term, weight, idf } of terms) {
			const inQuestion = countOccurrences(question, term);
			const inKeywords = keywords ? countOccurrences(keywords, term) : 0;
			const inAnswer = answer ? countOccurrences(answer, term) : 0;
			if (!inQuestion && !inKeywords && !inAnswer) continue;
			const frequency =
				(FIELD_WEIGHT.question * inQuestion) / normQuestion +
				(FIELD_WEIGHT.keywords * inKeywords) / normKeywords +
				(FIELD_WEIGHT.answer * inAnswer) / normAnswer;
			bm25 += (weight * idf * frequency * (K1 + 1)) / (frequency + K1);
			matched.push(term);
		}
		return { bm25, matched: highlightTerms(matched) };
	}

	/** Packs fresh postings and drops removed entries' ones (export does it when needed). */
	compact(): void {
		this.#postings.compact((number) => Boolean(this.#ids[number]));
		this.#removedSinceCompaction = 0;
	}

	/** Chunks to store (IndexedDB); `SearchEngine.import` restores the engine from them. */
	export(): IndexChunk[] {
		if (this.#postings.freshPostings || this.#removedSinceCompaction) this.compact();
		const postings: PackedPostings = this.#postings.export();
		const column = (values: string[]) => values.map((value) => value.replaceAll('\n', ' ')).join('\n');
		return [
			{
				key: 'engine',
				data: JSON.stringify({ version: FORMAT_VERSION, totals: this.#totals, removed: this.#removed })
			},
			{ key: 'ids', data: column(this.#ids) },
			{ key: 'questions', data: column(this.#questions) },
			{ key: 'keywords', data: column(this.#keywords) },
			{ key: 'answers', data: column(this.#answers) },
			{ key: 'categoryIds', data: column(this.#categoryIds) },
			{ key: 'regions', data: column(this.#regions) },
			{ key: 'templates', data: column(this.#templates) },
			{ key: 'validFrom', data: column(this.#validFrom) },
			{ key: 'validTo', data: column(this.#validTo) },
			{
				key: 'questionLengths',
				data: Int32Array.from(this.#questionLengths, (length) => Math.round(length * 16))
			},
			{ key: 'keywordLengths', data: Int32Array.from(this.#keywordLengths) },
			{ key: 'answerLengths', data: Int32Array.from(this.#answerLengths) },
			{ key: 'associations', data: JSON.stringify(this.#associations.export()) },
			{ key: 'terms', data: postings.terms },
			{ key: 'documentFrequency', data: postings.documentFrequency },
			{ key: 'starts', data: postings.starts },
			{ key: 'postings', data: postings.bytes }
		];
	}

	static import(chunks: readonly IndexChunk[]): SearchEngine {
		const data = new Map(chunks.map(({ key, data }) => [key, data]));
		const text = (key: string) => {
			const value = data.get(key);
			if (typeof value !== 'string') throw new Error(`search index: ${key} missing`);
			return value;
		};
		const numbers = <T extends Int32Array | Uint8Array>(key: string, type: new (length: number) => T): T => {
			const value = data.get(key);
			if (!(value instanceof type)) throw new Error(`search index: ${key} missing`);
			return value;
		};
		const state = JSON.parse(text('engine')) as { version: number; totals: Totals; removed: number };
		if (state.version !== FORMAT_VERSION) throw new Error(`search index format ${state.version}`);
		const engine = new SearchEngine();
		const column = (key: string) => (text(key) === '' && text('ids') === '' ? [] : text(key).split('\n'));
		engine.#ids = column('ids');
		engine.#questions = column('questions');
		engine.#keywords = column('keywords');
		engine.#answers = column('answers');
		engine.#categoryIds = column('categoryIds');
		engine.#regions = column('regions');
		engine.#templates = column('templates');
		engine.#validFrom = column('validFrom');
		engine.#validTo = column('validTo');
		engine.#questionLengths = Array.from(numbers('questionLengths', Int32Array), (length) => length / 16);
		engine.#keywordLengths = Array.from(numbers('keywordLengths', Int32Array));
		engine.#answerLengths = Array.from(numbers('answerLengths', Int32Array));
		engine.#totals = state.totals;
		engine.#removed = state.removed;
		engine.#postings = TermPostings.import({
			terms: text('terms'),
			documentFrequency: numbers('documentFrequency', Int32Array),
			starts: numbers('starts', Int32Array),
			bytes: numbers('postings', Uint8Array)
		});
		engine.#associations = TermAssociations.import(JSON.parse(text('associations')));
		engine.#ids.forEach((id, number) => {
			if (id) engine.#numberOf.set(id, number);
		});
		// Ready for the first query (otherwise it would pay for this).
		engine.#norms(engine.#averages());
		return engine;
	}
}
