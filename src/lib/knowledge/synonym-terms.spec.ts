import { describe, expect, it } from 'vitest';
import { formatSynonymTerms, parseSynonymTerms } from './synonym-terms';

describe('synonym groups as editors type them', () => {
	it.each([
		['医保 = 医疗保险 = 基本医疗保险', ['医保', '医疗保险', '基本医疗保险']],
		['公积金，住房公积金', ['公积金', '住房公积金']],
		['身份证、居民身份证 身份证', ['身份证', '居民身份证']],
		['ＥＴＣ＝电子不停车收费', ['ETC', '电子不停车收费']]
	])('%s', (text, terms) => {
		expect(parseSynonymTerms(text)).toEqual({ ok: true, value: terms });
	});

	it.each([
		['医保', '同义词组至少要有两个词，用“=”隔开，如：医保 = 医疗保险'],
		['医保 = 医保', '同义词组至少要有两个词，用“=”隔开，如：医保 = 医疗保险'],
		[Array.from({ length: 31 }, (_, i) => `词${i}`).join('='), '一组最多 30 个词'],
		[`医保=${'长'.repeat(41)}`, '“长长长长长长长长长长长长…”太长，每个词最多 40 个字']
	])('refuses %s', (text, error) => {
		expect(parseSynonymTerms(text)).toEqual({ ok: false, error });
	});

	it('writes a group back the way it is typed', () => {
		expect(formatSynonymTerms(['医保', '医疗保险'])).toBe('医保 = 医疗保险');
	});
});
