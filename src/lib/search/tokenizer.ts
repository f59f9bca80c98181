// The one tokenizer for indexing and querying. Text is normalized (full-width → half-width, traditional →
// simplified, lower case, punctuation → spaces, colloquial variants → one form), then cut into character
// unigrams and bigrams plus whole Latin words and numbers. Sentence particles (的, 了, 吗, …) are dropped
// before the bigrams are formed, so 社保的卡 and 社保卡 share 保卡.
//
// Why no words among the terms (measured on the relevance benchmark, BM25 over the terms): jieba's words on
// top of unigrams and bigrams moved R@1 by +0.6% on LCQMC (first 3 000 queries) and −0.9% on AFQMC, and by
// −0.2% / −2.9% once the re-ranking of search-engine.ts was in. Words do help the last step, comparing the
// best candidates with the query question to question (word-rerank.ts). Intl.Segmenter cuts 社保卡 into
// 社|保|卡 and 公积金 into 公|积|金. Words learned from the knowledge base's own n-grams (frequency +
// cohesion) and character trigrams both lowered R@1 (−6%, −4%): they over-reward the long substrings
// near-duplicate questions share.
import { INTERROGATIVE_WORDS, questionTypes, type QuestionType } from './question-type';
import { toSimplified } from './traditional-to-simplified';

/** Colloquial and written variants folded to one form on both sides (the pairs mean the same everywhere). */
const COLLOQUIAL_VARIANTS: [string, string][] = [
	['为啥', '为什么'],
	['为何', '为什么'],
	['咋回事', '怎么回事'],
	['咋办', '怎么办'],
	['咋样', '怎么样'],
	['咋', '怎么'],
	['怎样', '怎么'],
	['如何', '怎么'],
	['啥', '什么'],
	['哪儿', '哪里'],
	['能否', '能不能'],
	['可不可以', '能不能'],
	['无法', '不能'],
	['没法', '不能'],
	['没有', '没'],
	['品牌', '牌子']
];
const VARIANT_PATTERN = new RegExp(
	COLLOQUIAL_VARIANTS.map(([from]) => from)
		.sort((a, b) => b.length - a.length)
		.join('|'),
	'g'
);
const VARIANT_TARGET = new Map(COLLOQUIAL_VARIANTS);

/** Sentence particles: dropped from the terms (they carry no topic and break bigrams). */
const PARTICLES = new Set([...'的了吗呢啊吧呀哦嘛哈啦']);

/** Words that only address the listener; dropped from queries (unless nothing else is left). */
export const QUERY_FILLERS: readonly string[] = [
	'我想问一下',
	'我想咨询一下',
	'我想咨询',
	'想问一下',
	'我想问',
	'问一下',
	'请问一下',
	'请问',
	'请教一下',
	'请教',
	'咨询一下',
	'麻烦问一下',
	'麻烦',
	'你好',
	'您好',
	'谢谢',
	'就是说'
];
const FILLER_PATTERN = new RegExp([...QUERY_FILLERS].sort((a, b) => b.length - a.length).join('|'), 'g');
const INTERROGATIVE_PATTERN = new RegExp(
	[...INTERROGATIVE_WORDS].sort((a, b) => b.length - a.length).join('|'),
	'g'
);

/** Weight of a query's interrogative words (怎么, 可以, 吗 …): they count, but far less than its topic. */
export const INTERROGATIVE_WEIGHT = 0.5;

// Character classes by code point: far quicker than a regular expression per character.
const isLatinOrDigit = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
const isHan = (code: number) =>
	(code >= 0x4e00 && code <= 0x9fff) ||
	(code >= 0x3400 && code <= 0x4dbf) ||
	(code >= 0xf900 && code <= 0xfaff);

export function normalizeText(text: string): string {
	const folded = toSimplified(text.normalize('NFKC').toLowerCase());
	return folded
		.replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
		.replace(VARIANT_PATTERN, (variant) => VARIANT_TARGET.get(variant) ?? variant)
		.trim();
}

/** The terms of already normalized text: Latin words and numbers whole, Chinese as unigrams + bigrams. */
export function termsOfNormalized(normalized: string, options: { unigrams?: boolean } = {}): string[] {
	const unigrams = options.unigrams ?? true;
	const terms: string[] = [];
	for (const segment of normalized.split(' ')) {
		let previous = '';
		let word = '';
		for (const character of segment) {
			const code = character.charCodeAt(0);
			if (isLatinOrDigit(code)) {
				word += character;
				previous = '';
				continue;
			}
			if (word) {
				terms.push(word);
				word = '';
			}
			if (!isHan(code) || PARTICLES.has(character)) {
				if (!PARTICLES.has(character)) previous = '';
				continue;
			}
			if (unigrams) terms.push(character);
			if (previous) terms.push(previous + character);
			previous = character;
		}
		if (word) terms.push(word);
	}
	return terms;
}

export function tokenize(text: string): string[] {
	return termsOfNormalized(normalizeText(text));
}

/** Normalized text without particles: what the re-ranking compares character by character. */
export function comparableCharacters(normalized: string): string {
	let out = '';
	for (const character of normalized) if (character !== ' ' && !PARTICLES.has(character)) out += character;
	return out;
}

export interface WeightedTerm {
	term: string;
	weight: number;
}

export interface QueryAnalysis {
	/** The query normalized, fillers removed. */
	normalized: string;
	/** Unique terms, topic terms at weight 1 and interrogatives lower. */
	terms: WeightedTerm[];
	questionTypes: Set<QuestionType>;
	/** Latin words of 2–6 letters, which may be pinyin initials (sbk → 社保卡). */
	initials: string[];
}

export function analyzeQuery(query: string): QueryAnalysis {
	const full = normalizeText(query);
	const withoutFillers = full.replace(FILLER_PATTERN, ' ').replace(/ +/g, ' ').trim();
	const normalized = termsOfNormalized(withoutFillers).length > 0 ? withoutFillers : full;
	const weights = new Map<string, number>();
	for (const term of termsOfNormalized(normalized)) weights.set(term, 1);
	// Terms wholly inside an interrogative (怎么, 可以 …) weigh less, unless the query is nothing else.
	const interrogativeTerms = [...normalized.matchAll(INTERROGATIVE_PATTERN)].flatMap((match) =>
		termsOfNormalized(match[0])
	);
	if (interrogativeTerms.length < weights.size) {
		for (const term of interrogativeTerms) weights.set(term, INTERROGATIVE_WEIGHT);
	}
	return {
		normalized,
		terms: [...weights].map(([term, weight]) => ({ term, weight })),
		questionTypes: questionTypes(normalized),
		initials: [...normalized.matchAll(/(?<![a-z0-9])[a-z]{2,6}(?![a-z0-9])/g)].map((match) => match[0])
	};
}
