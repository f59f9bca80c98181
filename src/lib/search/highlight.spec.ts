import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

const show = (text: string, terms: string[]) =>
	highlightSegments(text, terms)
		.map((segment) => (segment.match ? `[${segment.text}]` : segment.text))
		.join('');

describe('highlightSegments', () => {
	it.each([
		['社保卡丢了怎么补办？', ['社保', '保卡', '补办'], '[社保卡]丢了怎么[补办]？'],
		['社保卡丢了怎么补办？', [], '社保卡丢了怎么补办？'],
		['住房公积金提取', ['公积', '积金', '提取'], '住房[公积金提取]'],
		['社會保險卡', ['社会', '保险'], '[社會保險]卡'],
		['ＡＰＰ下载', ['app'], '[ＡＰＰ]下载'],
		['办理12345热线', ['12345'], '办理[12345]热线'],
		['', ['社保'], '']
	])('%s with %j → %s', (text, terms, expected) => {
		expect(show(text, terms)).toBe(expected);
	});

	it('keeps the text whole and in order', () => {
		const segments = highlightSegments('医保报销比例是多少', ['报销', '比例']);
		expect(segments.map((segment) => segment.text).join('')).toBe('医保报销比例是多少');
		expect(segments).toEqual([
			{ text: '医保', match: false },
			{ text: '报销比例', match: true },
			{ text: '是多少', match: false }
		]);
	});
});
