// The offline search over knowledge entries, in two stages.
//  1. Candidates (candidate-stage.ts): BM25F over the inverted index (term-postings.ts) of the query's
//     bigrams and words, with IDF from this knowledge base, fields weighted (questions > keywords > the
//     answer's full text, in its own lean index: answer-postings.ts), filters and validity applied: the best
//     CANDIDATES entries.
//  2. Ranking (question-ranking.ts): those compared as questions with the query, by exact BM25F per
//     question and what BM25 cannot see (question type, characters in order and by rarity, length, numbers,
//     and for the best of them dictionary words: 面包机 is not 面膜, though both have 面).
// Query expansion (query-terms.ts): editors' and built-in synonyms, term associations learned from similar
// questions, homophone corrections for bigrams the knowledge base lacks (遇期 → 逾期), pinyin initials
// (sbk → 社保卡).
//
// Why not FlexSearch (measured, see the search benchmark): it ranks by term position, without IDF or term
// frequency, so it could only propose candidates; with it at 100 000 entries the build took 25 s, queries
// 9 ms (p50) / 38 ms (p95) in Node, and its JSON export (a document index over every field) 94 MB took
// 1.7 s to import. It stays in the benchmark as an anchor.
import { answerChunks, answersFromChunks } from './answer-chunks';
import { AnswerPostings } from './answer-postings';
import { answerTermsOf } from './answer-terms';
import { fieldNorms, type Averages, type FieldNorms } from './bm25-fields';
import { CandidateStage } from './candidate-stage';
import { withCityOverrides } from './city-overrides';
import { EntryColumns } from './entry-columns';
import { INITIALS_PREFIX, initialsOf, storedForm, VARIANT_SEPARATOR } from './indexed-text';
import { queryTermsOf } from './query-terms';
import { rankCandidates } from './question-ranking';
import { lacksWordLengths, wordLengthsOfQuestions } from './word-rerank';
import { wordSegmenterReady } from './word-segmenter';
import type { SearchableEntry } from './searchable-entry';
import type { IndexChunk, SearchHit, SearchOptions } from './search-types';
import { SynonymTable, type SynonymGroup } from './synonyms';
import { pairsOfEntry, TermAssociations } from './term-associations';
import { TermPostings, type PackedPostings } from './term-postings';
import { normalizeText, termsOfNormalized } from './tokenizer';

/** 5: the overrides column (city-overrides.ts). 6: the answers' full text instead of their first 60 characters. */
const FORMAT_VERSION = 6;
/** Share of removed slots whose answer postings may linger (skipped at query time) before they are packed out. */
const ANSWER_REPACK_SHARE = 0.02;

interface Totals {
	entries: number;
	questionTerms: number;
	keywordTerms: number;
}

export class SearchEngine {
	#postings = new TermPostings();
	#answers = new AnswerPostings();
	#columns = new EntryColumns();
	#totals: Totals = { entries: 0, questionTerms: 0, keywordTerms: 0 };
	#removedSinceCompaction = 0;
	/** Removed slots when the answer postings last dropped theirs. */
	#answersPackedAtRemoved = 0;
	/**
	 * Imported without its answers (attachAnswers brings them): the answer terms of entries added meanwhile,
	 * by entry number, and the removed count the stored answers were packed at.
	 */
	#answersLater: { added: Array<[number, Map<string, number>]>; packedAtRemoved: number } | null = null;
	#synonyms = new SynonymTable();
	#associations = new TermAssociations();
	#candidateStage = new CandidateStage();
	#normsCache: { key: string; norms: FieldNorms } | undefined;
	/** Entries before this number have their questions' words (see addMissingWords). */
	#wordsCursor = 0;
	#statistics = {
		documentFrequency: (term: string) => this.#postings.documentFrequency(term),
		idf: (term: string) => this.#idf(term),
		answerFrequency: (term: string) => this.#answers.documentFrequency(term),
		answerIdf: (term: string) => {
			const frequency = this.#answers.documentFrequency(term);
			return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
		}
	};

	/** The answers' index is still to come (see attachAnswers): answer-only queries find nothing yet. */
	get answersPending(): boolean {
		return this.#answersLater !== null;
	}

	get size(): number {
		return this.#columns.size;
	}

	has(id: string): boolean {
		return this.#columns.numberOf(id) !== undefined;
	}

	/** Share of index slots held by removed or replaced entries (rebuild when it grows large). */
	get staleShare(): number {
		return this.#columns.slots ? this.#columns.removed / this.#columns.slots : 0;
	}

	setSynonyms(groups: readonly SynonymGroup[]): void {
		this.#synonyms = new SynonymTable(groups);
	}

	add(entry: SearchableEntry): void {
		if (this.has(entry.id)) this.remove(entry.id);
		const questions = [entry.standardQuestion, ...entry.similarQuestions]
			.map((question) => storedForm(normalizeText(question)))
			.filter(Boolean);
		const keywords = storedForm(entry.keywords.map(normalizeText).join(' '));
		const questionTerms = questions.map((question) => termsOfNormalized(question));
		const keywordTerms = termsOfNormalized(keywords);
		const number = this.#columns.push({
			id: entry.id,
			questions: questions.join(VARIANT_SEPARATOR),
			questionWords: wordLengthsOfQuestions(questions),
			keywords,
			categoryId: entry.categoryId,
			region: entry.region,
			template: entry.template,
			validFrom: entry.validFrom ? entry.validFrom.slice(0, 10) : '',
			validTo: entry.validTo ? entry.validTo.slice(0, 10) : '',
			overrides: entry.overrides ?? '',
			questionLength: questionTerms.length
				? questionTerms.reduce((sum, terms) => sum + terms.length, 0) / questionTerms.length
				: 0,
			keywordLength: keywordTerms.length
		});

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
		for (const initials of initialsOf(questions[0] ?? '', entry.keywords))
			terms.set(INITIALS_PREFIX + initials, 1);
		this.#postings.add(number, terms);
		const answerTerms = answerTermsOf(entry.answerText, entry.sources ?? '');
		if (this.#answersLater) this.#answersLater.added.push([number, answerTerms]);
		else this.#answers.add(number, answerTerms);
		this.#count(number, 1);
	}

	remove(id: string): void {
		const number = this.#columns.numberOf(id);
		if (number === undefined) return;
		this.#postings.forget(this.#distinctTerms(number));
		this.#count(number, -1);
		this.#columns.clear(number);
		this.#removedSinceCompaction++;
	}

	/** Every term of an entry, for document frequencies. */
	#distinctTerms(number: number): Set<string> {
		const terms = new Set<string>();
		const questions = this.#columns.questions[number]!.split(VARIANT_SEPARATOR);
		for (const initials of initialsOf(questions[0] ?? '', [])) terms.add(INITIALS_PREFIX + initials);
		for (const question of questions) {
			for (const term of termsOfNormalized(question)) terms.add(term);
		}
		for (const term of termsOfNormalized(this.#columns.keywords[number]!)) terms.add(term);
		return terms;
	}

	/**
	 * Cuts the questions of entries indexed before the word segmenter had loaded, at most `limit` of them a
	 * call, so that the worker answers queries in between. Until then a query cuts such a candidate itself.
	 */
	addMissingWords(limit: number): { filled: number; done: boolean } {
		if (!wordSegmenterReady()) return { filled: 0, done: true };
		const columns = this.#columns;
		let filled = 0;
		for (; this.#wordsCursor < columns.slots && filled < limit; this.#wordsCursor++) {
			const number = this.#wordsCursor;
			if (!columns.ids[number] || !lacksWordLengths(columns.questionWords[number]!)) continue;
			columns.questionWords[number] = wordLengthsOfQuestions(
				columns.questions[number]!.split(VARIANT_SEPARATOR)
			);
			filled++;
		}
		return { filled, done: this.#wordsCursor >= columns.slots };
	}

	#count(number: number, sign: 1 | -1): void {
		this.#totals.entries += sign;
		this.#totals.questionTerms += sign * this.#columns.questionLengths[number]!;
		this.#totals.keywordTerms += sign * this.#columns.keywordLengths[number]!;
		const [standard = '', ...similar] = this.#columns.questions[number]!.split(VARIANT_SEPARATOR);
		if (similar.length) this.#associations.apply(pairsOfEntry(standard, similar), sign);
	}

	/** Recomputed when entries or average lengths change. */
	#norms(averages: Averages): FieldNorms {
		const key = `${this.#columns.slots}:${this.#columns.removed}:${averages.question}:${averages.keywords}`;
		if (this.#normsCache?.key !== key) this.#normsCache = { key, norms: fieldNorms(this.#columns, averages) };
		return this.#normsCache.norms;
	}

	#idf(term: string): number {
		const frequency = this.#postings.documentFrequency(term);
		return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
	}

	#averages(): Averages {
		const entries = Math.max(1, this.#totals.entries);
		return {
			question: Math.max(1, this.#totals.questionTerms / entries),
			keywords: Math.max(1, this.#totals.keywordTerms / entries)
		};
	}

	search(query: string, options: SearchOptions = {}): SearchHit[] {
		const limit = options.limit ?? 10;
		const analyzed = queryTermsOf(query, this.#synonyms, this.#associations, this.#statistics);
		if (!analyzed.terms.length && !analyzed.initials.length && !analyzed.answerTerms.length) return [];
		const averages = this.#averages();
		const candidates = this.#candidateStage.select(analyzed, options, {
			postings: this.#postings,
			answers: this.#answers,
			columns: this.#columns,
			norms: this.#norms(averages),
			idfOf: this.#statistics.idf
		});
		const hits = rankCandidates(
			candidates,
			analyzed,
			{ columns: this.#columns, synonyms: this.#synonyms, averages, idf: this.#statistics.idf },
			limit
		);
		if (!options.cityOverrides) return hits;
		return withCityOverrides(hits, (id) => this.#columns.overriderOf(id, options.filters, options.today));
	}

	/** Brings the answers' index left out by `import(…, { answersLater: true })`, then what was added since. */
	attachAnswers(chunks: readonly IndexChunk[]): void {
		const later = this.#answersLater;
		if (!later) throw new Error('search index: answers already attached');
		this.#answers = answersFromChunks(chunks);
		this.#answersPackedAtRemoved = later.packedAtRemoved;
		this.#answersLater = null;
		// An entry added twice meanwhile holds its last slot; earlier slots are removed and skipped.
		for (const [number, terms] of later.added)
			if (this.#columns.ids[number]) this.#answers.add(number, terms);
	}

	/** Packs fresh postings and drops removed entries' ones (export does it when needed). */
	compact(): void {
		const alive = (number: number) => Boolean(this.#columns.ids[number]);
		this.#postings.compact(alive);
		if (this.#answersLater) {
			this.#removedSinceCompaction = 0;
			return;
		}
		// Decoding every answer posting takes about a second at 10⁵ entries: only once enough were removed.
		const removedSince = this.#columns.removed - this.#answersPackedAtRemoved;
		if (removedSince > ANSWER_REPACK_SHARE * this.#columns.slots) {
			this.#answers.pack(alive);
			this.#answersPackedAtRemoved = this.#columns.removed;
		} else this.#answers.pack();
		this.#removedSinceCompaction = 0;
	}

	/** Chunks to store (IndexedDB); `SearchEngine.import` restores the engine from them. */
	export(): IndexChunk[] {
		if (this.#answersLater) throw new Error('search index: answers not attached yet');
		if (this.#postings.freshPostings || this.#removedSinceCompaction) this.compact();
		const postings: PackedPostings = this.#postings.export();
		return [
			{
				key: 'engine',
				data: JSON.stringify({
					version: FORMAT_VERSION,
					totals: this.#totals,
					removed: this.#columns.removed
				})
			},
			...this.#columns.export(),
			{ key: 'associations', data: JSON.stringify(this.#associations.export()) },
			{ key: 'terms', data: postings.terms },
			{ key: 'documentFrequency', data: postings.documentFrequency },
			{ key: 'starts', data: postings.starts },
			{ key: 'postings', data: postings.bytes },
			...answerChunks(this.#answers.export())
		];
	}

	/**
	 * @param answersLater the answers' chunks (answer-chunks.ts) are left out and come with attachAnswers:
	 * a cold start answers question-like queries before reading them.
	 */
	static import(chunks: readonly IndexChunk[], { answersLater = false } = {}): SearchEngine {
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
		engine.#columns = EntryColumns.import(text, (key) => numbers(key, Int32Array), state.removed);
		engine.#totals = state.totals;
		engine.#postings = TermPostings.import({
			terms: text('terms'),
			documentFrequency: numbers('documentFrequency', Int32Array),
			starts: numbers('starts', Int32Array),
			bytes: numbers('postings', Uint8Array)
		});
		if (answersLater) engine.#answersLater = { added: [], packedAtRemoved: state.removed };
		else {
			engine.#answers = answersFromChunks(chunks);
			engine.#answersPackedAtRemoved = state.removed;
		}
		engine.#associations = TermAssociations.import(JSON.parse(text('associations')));
		// Ready for the first query (otherwise it would pay for this).
		engine.#norms(engine.#averages());
		return engine;
	}
}
