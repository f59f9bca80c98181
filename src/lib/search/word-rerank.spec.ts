import { describe, expect, it } from 'vitest';
import { addWordAgreement, WORD_RERANK, wordAgreement } from './word-rerank';

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
		const hits = Array.from({ length: WORD_RERANK + 1 }, () => ({ score: 1, compared: '公租房怎么申请' }));
		hits[1]!.compared = '廉租房怎么申请';
		addWordAgreement('公租房怎么申请', hits);
		expect(hits[0]!.score).toBeCloseTo(1 + 0.4 + 0.4);
		// 公租房 is not in jieba's dictionary: 公|租房|怎么|申请 against 廉租房|怎么|申请, two words shared.
		expect(hits[1]!.score).toBeCloseTo(1 + 0.4 * (2 / 5) + 0.4 * (2 / 4));
		expect(hits[WORD_RERANK]!.score).toBe(1);
	});
});
