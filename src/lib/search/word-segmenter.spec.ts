import { describe, expect, it } from 'vitest';
import { loadWordSegmenter, wordsOf } from './word-segmenter';

describe('word segmenter', () => {
	it('is there in Node without fetching anything', async () => {
		expect(await loadWordSegmenter()).toBe(true);
	});

	it.each([
		['公积金提取需要什么材料', ['公积金', '提取', '需要', '什么', '材料']],
		['社保卡怎么补办', ['社保卡', '怎么', '补办']],
		['什么牌子的面包机比较好', ['什么', '牌子', '的', '面包机', '比较', '好']],
		['营业执照注销', ['营业执照', '注销']]
	])('cuts %s into dictionary words', (text, words) => {
		expect(wordsOf(text)).toEqual(words);
	});

	it('reads text with spaces (stored questions keep segment breaks) as one run', () => {
		expect(wordsOf('营业 执照')).toEqual(['营业执照']);
	});

	it('does not guess words the dictionary lacks: an unknown name stays characters', () => {
		expect(wordsOf('翀翯办证')).toEqual(['翀', '翯', '办证']);
	});
});
