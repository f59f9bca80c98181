import { describe, expect, it } from 'vitest';
import { closestQuestion, DUPLICATE_SIMILARITY, questionSimilarity } from './question-similarity';

describe('questionSimilarity', () => {
	it('calls a reworded question with the same subject a likely duplicate', () => {
		expect(questionSimilarity('社保卡丢了怎么补办', '社保卡丢失了怎么补办？')).toBeGreaterThanOrEqual(
			DUPLICATE_SIMILARITY
		);
		expect(questionSimilarity('請問社保卡怎麼補辦', '社保卡如何补办')).toBeGreaterThanOrEqual(
			DUPLICATE_SIMILARITY
		);
	});

	it('does not let question filler make different subjects alike', () => {
		expect(questionSimilarity('请问社保卡怎么补办', '请问公积金怎么提取')).toBeLessThan(DUPLICATE_SIMILARITY);
		expect(questionSimilarity('居住证怎么办理', '护照怎么办理')).toBeLessThan(DUPLICATE_SIMILARITY);
	});

	it('is 1 for the same question and 0 when nothing is shared or there is nothing to compare', () => {
		expect(questionSimilarity('公积金提取', '公积金提取')).toBe(1);
		expect(questionSimilarity('公积金提取', '护照办理')).toBe(0);
		expect(questionSimilarity('', '护照办理')).toBe(0);
	});
});

describe('closestQuestion', () => {
	it('picks the similar question that is closest to what was typed', () => {
		const closest = closestQuestion('医保卡丢了咋办', {
			standardQuestion: '医疗保障卡遗失如何挂失补办',
			similarQuestions: ['医保卡丢了怎么办', '医保报销比例']
		});
		expect(closest.question).toBe('医保卡丢了怎么办');
		expect(closest.similarity).toBeGreaterThan(0.5);
	});
});
