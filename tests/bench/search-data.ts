// Data for the search benchmark: 100 000 entries grown from the 5 000 real policy Q&As of
// ../shared/data/policy-qa.tsv (place names, years and phrasing varied, similar questions added), and
// colloquial queries derived from them the way callers and agents type (fillers, synonyms, homophone
// typos, omitted characters), each with the entry it was derived from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry } from '../../src/lib/db/generated/documents';
import { homophonesOf } from '../../src/lib/search/pinyin';
import { seededRandom } from '../../src/lib/seeded-random';
import { composeAnswer, documentNumberOf, phoneNumberOf } from './answer-composer';

export { seededRandom };

const root = path.resolve(import.meta.dirname, '../..');

const PLACES = [
	'北京市',
	'上海市',
	'广州市',
	'深圳市',
	'杭州市',
	'成都市',
	'武汉市',
	'西安市',
	'南京市',
	'济南市'
];
const REGIONS = ['全省', '省会市', '西江市', '北湖市', '南山县', '东城区', '临港新区', '高新区'];
const PREFIXES = ['', '关于', '请问', '咨询：'];
const SIMILAR_PATTERNS = [
	(q: string) => `${q}怎么办`,
	(q: string) => `想了解${q}`,
	(q: string) => `${q}？有什么规定`
];
const PLACE_PATTERN = /(北京市|上海市|广东省|浙江省|湖北省|江苏省|山东省|四川省|广州市|深圳市|杭州市|武汉市)/;
const YEAR_PATTERN = /20(19|20|21)年/;

export interface PolicyRow {
	question: string;
	answer: string;
}

export function readPolicyRows(): PolicyRow[] {
	return readFileSync(path.join(root, '../shared/data/policy-qa.tsv'), 'utf8')
		.split('\n')
		.slice(1)
		.map((line) => line.split('\t'))
		.filter((cells) => cells.length === 4 && cells[2]!.trim())
		.map((cells) => ({ question: cells[2]!.trim(), answer: cells[3]!.trim() }));
}

function stripPunctuation(text: string): string {
	return text.replace(/[？?。！!]+$/u, '');
}

/**
 * `realisticAnswers`: answers of 300–1 500 characters in headed sections (answer-composer.ts), as real entries
 * have; without, the policy Q&A's own answer (median 35 characters), as bench:scale's kb still uses.
 */
export function generateEntries(
	count: number,
	rows = readPolicyRows(),
	{ realisticAnswers = false } = {}
): Entry[] {
	const random = seededRandom(12345);
	const answerRandom = seededRandom(54321);
	const at = '2026-01-05T08:00:00.000Z';
	return Array.from({ length: count }, (_, index) => {
		const row = rows[index % rows.length]!;
		const round = Math.floor(index / rows.length);
		let question = row.question;
		if (round > 0) {
			const place = PLACES[(index + round) % PLACES.length]!;
			question = PLACE_PATTERN.test(question)
				? question.replace(PLACE_PATTERN, place)
				: `${place}${question}`;
			if (YEAR_PATTERN.test(question)) question = question.replace(YEAR_PATTERN, `${2021 + (round % 5)}年`);
			question = PREFIXES[round % PREFIXES.length]! + question;
		}
		const similarCount = Math.floor(random() * 3);
		const similarQuestions = Array.from({ length: similarCount }, (_, n) =>
			SIMILAR_PATTERNS[(index + n) % SIMILAR_PATTERNS.length]!(stripPunctuation(question))
		);
		return {
			_id: `entry:bench-${index}`,
			type: 'entry',
			template: 'policy',
			standardQuestion: question,
			categoryId: `category:bench-${index % 40}`,
			...(realisticAnswers
				? composeAnswer(index, row.answer, answerRandom)
				: { answerHtml: '', answerText: row.answer }),
			sources: [],
			similarQuestions,
			relatedEntries: [],
			keywords: [],
			region: REGIONS[index % REGIONS.length]!,
			validFrom: null,
			validTo: null,
			status: 'published',
			version: 1,
			createdBy: 'bench',
			createdAt: at,
			updatedBy: 'bench',
			updatedAt: at,
			history: [],
			templateFields: []
		} satisfies Entry;
	});
}

const FILLERS = ['请问', '我想问一下', '你好，', '麻烦问下', ''];
const ENDINGS = ['怎么办', '吗', '呢', '啊', '', '是怎么规定的'];
const SWAPS: [string, string][] = [
	['住房公积金', '公积金'],
	['社会保险', '社保'],
	['医疗保险', '医保'],
	['个人所得税', '个税'],
	['新型冠状病毒', '新冠'],
	['如何', '咋'],
	['哪些', '啥'],
	['什么', '啥']
];

export interface BenchQuery {
	query: string;
	/** The entry the query was made from. */
	expected: string;
}

/** Colloquial queries: a question's core, with fillers, colloquial words, a typo or a dropped character. */
export function generateQueries(entries: readonly Entry[], count: number): BenchQuery[] {
	const random = seededRandom(678);
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
	return Array.from({ length: count }, () => {
		const entry = entries[Math.floor(random() * entries.length)]!;
		let text = stripPunctuation(entry.standardQuestion).replace(/^(关于|请问|咨询：)/, '');
		// Callers say the core: keep at most 14 characters from a random start near the beginning.
		const characters = [...text];
		if (characters.length > 14) {
			const start = Math.floor(random() * Math.min(6, characters.length - 14));
			text = characters.slice(start, start + 14).join('');
		}
		for (const [from, to] of SWAPS) if (text.includes(from) && random() < 0.7) text = text.replace(from, to);
		const chars = [...text];
		const roll = random();
		if (roll < 0.3 && chars.length > 4) {
			// a homophone typo, as a pinyin input method makes them
			const at = 1 + Math.floor(random() * (chars.length - 2));
			const homophones = homophonesOf(chars[at]!);
			if (homophones) chars[at] = pick([...homophones]);
		} else if (roll < 0.5 && chars.length > 6) {
			chars.splice(1 + Math.floor(random() * (chars.length - 2)), 1);
		}
		return { query: `${pick(FILLERS)}${chars.join('')}${pick(ENDINGS)}`, expected: entry._id };
	});
}

/**
 * Queries only an entry's answer can satisfy: its 文号, its phone number, or its 文号 asked about in words.
 * The entries must have been generated with realistic answers.
 */
export function generateAnswerQueries(entries: readonly Entry[], count: number): BenchQuery[] {
	const random = seededRandom(91011);
	return Array.from({ length: count }, (_, n) => {
		const index = Math.floor(random() * entries.length);
		const query =
			n % 3 === 0
				? documentNumberOf(index)
				: n % 3 === 1
					? phoneNumberOf(index)
					: `${documentNumberOf(index)}文件讲的是什么`;
		return { query, expected: entries[index]!._id };
	});
}
