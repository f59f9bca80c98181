import { describe, expect, it } from 'vitest';
import { SynonymTable } from './synonyms';
import {
	addWordAgreement,
	canonicalWords,
	WORD_RERANK,
	wordAgreement,
	wordLengthsOf,
	wordsFromLengths
} from './word-rerank';
import { wordsOf } from './word-segmenter';

describe('word agreement', () => {
	it('gives the Jaccard of the two word sets and the share of the query’s words found', () => {
		const query = new Set(['公租房', '怎么', '申请']);
		expect(wordAgreement(query, ['公租房', '申请', '怎么', '办理'])).toEqual({
			jaccard: 3 / 4,
			coverage: 1
		});
		expect(wordAgreement(query, ['廉租房', '怎么', '申请'])).toEqual({ jaccard: 2 / 4, coverage: 2 / 3 });
		expect(wordAgreement(query, [])).toEqual({ jaccard: 0, coverage: 0 });
	});

	it('counts a repeated word once', () => {
		expect(wordAgreement(new Set(['社保卡']), ['社保卡', '社保卡'])).toEqual({ jaccard: 1, coverage: 1 });
	});

	it('raises the hits whose words agree, among the first WORD_RERANK only', () => {
		const hits = Array.from({ length: WORD_RERANK + 1 }, () => ({ score: 1, text: '公租房怎么申请' }));
		hits[1]!.text = '廉租房怎么申请';
		const synonyms = new SynonymTable([]);
		const words = (text: string) => canonicalWords(wordsOf(text), synonyms);
		addWordAgreement(words('公租房怎么申请'), hits, (hit) => words(hit.text));
		expect(hits[0]!.score).toBeCloseTo(1 + 0.4 + 0.4);
		// 公租房 is not in jieba's dictionary: 公|租房|怎么|申请 against 廉租房|怎么|申请, two words shared.
		expect(hits[1]!.score).toBeCloseTo(1 + 0.4 * (2 / 5) + 0.4 * (2 / 4));
		expect(hits[WORD_RERANK]!.score).toBe(1);
	});
});

describe('stored word lengths', () => {
	it('keep a question’s words in one character each and give them back from its text', () => {
		const lengths = wordLengthsOf('公积金 提取需要什么材料');
		expect(lengths).toHaveLength(5);
		expect(wordsFromLengths('公积金提取需要什么材料', lengths)).toEqual([
			'公积金',
			'提取',
			'需要',
			'什么',
			'材料'
		]);
		expect(wordsFromLengths('', '')).toEqual([]);
	});
});

describe('canonical words', () => {
	it('write synonyms alike and cut a synonym that is several words', () => {
		const synonyms = new SynonymTable([['电动车', '电动自行车']]);
		// 电动自行车 is the group's first (longest) term, and jieba reads it as 电动|自行车.
		expect([...canonicalWords(['电动车', '上牌'], synonyms)]).toEqual(['电动', '自行车', '上牌']);
		// So a question that writes 电动自行车 shares both words with a query that says 电动车.
		expect([...canonicalWords(wordsOf('电动自行车怎么上牌'), synonyms)]).toEqual(
			expect.arrayContaining(['电动', '自行车'])
		);
	});
});
