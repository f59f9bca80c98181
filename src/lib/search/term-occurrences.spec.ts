import { describe, expect, it } from 'vitest';
import { termOccurrencesIn } from './term-occurrences';
import { wholeTermsOf } from './whole-terms';

/** Each occurrence as the text wrote it, at its character index. */
const show = (text: string, terms: string[]) =>
	termOccurrencesIn(text, terms).map(({ start, end }) => `${[...text].slice(start, end).join('')}@${start}`);

const queryKey = (query: string) => wholeTermsOf(query, { asQuery: true })[0]!.key;

describe('termOccurrencesIn', () => {
	it.each([
		['pairs on the folded text', '收取工本費', ['工本', '本费'], ['工本@2', '本費@3']],
		['a number only whole', '拨打12333，不是123334或012333', ['12333'], ['12333@2']],
		['a Latin word folded, whole', '掌上12333 ＡＰＰ，apps', ['app'], ['ＡＰＰ@8']],
		['a pair across a particle is not there', '社保的卡', ['保卡'], []],
		['nothing matched', '首次申领免费', ['工本'], []]
	])('%s', (_, text, terms, expected) => {
		expect(show(text, terms)).toEqual(expected);
	});

	it('finds a 文号 however the text brackets it', () => {
		const key = queryKey('人社部发〔2023〕12号');
		expect(show('依据人社部发[2023]第12号执行', [key])).toEqual(['人社部发[2023]第12号@2']);
		expect(show('依据人社部发〔2023〕13号执行', [key])).toEqual([]);
	});

	it('finds a phone number with its area code', () => {
		const key = queryKey('0571-88888888');
		expect(show('请拨打0571－88888888咨询', [key])).toEqual(['0571－88888888@3']);
	});

	it('counts characters, not code units, past a character outside the BMP', () => {
		expect(termOccurrencesIn('𠀋拨打12333', ['12333'])).toEqual([{ term: '12333', start: 3, end: 8 }]);
	});
});
