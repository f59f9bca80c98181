import { describe, expect, it } from 'vitest';
import { pinyinInitialRuns, homophonesOf, pinyinOf } from './pinyin';
import { questionTypeAgreement, questionTypes } from './question-type';
import { analyzeQuery, INTERROGATIVE_WEIGHT, normalizeText, termsOfNormalized, tokenize } from './tokenizer';

describe('normalizeText', () => {
	it.each([
		['社保卡ＡＰＰ下载１２３', '社保卡app下载123'],
		['社會保險卡補辦', '社会保险卡补办'],
		['医保，报销？比例！', '医保 报销 比例'],
		['  公积金　提取  ', '公积金 提取'],
		['为啥社保卡用不了', '为什么社保卡用不了'],
		['咋办理居住证', '怎么办理居住证'],
		['如何提取公积金', '怎么提取公积金'],
		['啥时候发放', '什么时候发放'],
		['哪儿能办', '哪里能办'],
		['无法登录', '不能登录'],
		['HELLO World', 'hello world']
	])('%s → %s', (text, expected) => {
		expect(normalizeText(text)).toBe(expected);
	});
});

describe('terms', () => {
	it.each([
		['社保卡', ['社', '保', '社保', '卡', '保卡']],
		// particles are dropped before bigrams are formed
		['社保的卡', ['社', '保', '社保', '卡', '保卡']],
		['app下载', ['app', '下', '载', '下载']],
		['2024年', ['2024', '年']],
		['医保 报销', ['医', '保', '医保', '报', '销', '报销']],
		['', []]
	])('%s → %j', (text, expected) => {
		expect(termsOfNormalized(text)).toEqual(expected);
	});

	it('can leave out unigrams', () => {
		expect(termsOfNormalized('社保卡', { unigrams: false })).toEqual(['社保', '保卡']);
	});

	it('indexes and queries the same way', () => {
		expect(tokenize('社會保險')).toEqual(tokenize('社会保险'));
		expect(tokenize('Ｅ社保')).toEqual(tokenize('e社保'));
	});
});

describe('analyzeQuery', () => {
	const weightOf = (query: string, term: string) =>
		analyzeQuery(query).terms.find((weighted) => weighted.term === term)?.weight;

	it.each([
		['请问社保卡怎么补办', '社保卡怎么补办'],
		['我想问一下公积金怎么提取', '公积金怎么提取'],
		['您好，医保报销比例是多少？谢谢', '医保报销比例是多少'],
		// never an empty query
		['请问', '请问'],
		['谢谢', '谢谢']
	])('drops fillers: %s → %s', (query, normalized) => {
		expect(analyzeQuery(query).normalized).toBe(normalized);
		expect(analyzeQuery(query).terms.length).toBeGreaterThan(0);
	});

	it('weighs interrogatives down but keeps the topic whole', () => {
		expect(weightOf('社保卡怎么补办', '社保')).toBe(1);
		expect(weightOf('社保卡怎么补办', '补办')).toBe(1);
		expect(weightOf('社保卡怎么补办', '怎么')).toBe(INTERROGATIVE_WEIGHT);
		expect(weightOf('怎么办', '怎么')).toBe(1);
	});

	it('reads the question type', () => {
		expect([...analyzeQuery('社保卡在哪里办').questionTypes]).toEqual(['where']);
		expect([...analyzeQuery('社保卡怎么办').questionTypes]).toEqual(['how']);
		expect([...analyzeQuery('为啥社保卡用不了').questionTypes]).toEqual(['why']);
		expect([...analyzeQuery('养老金什么时候发').questionTypes]).toEqual(['when']);
	});

	it('offers Latin words as possible pinyin initials', () => {
		expect(analyzeQuery('sbk').initials).toEqual(['sbk']);
		expect(analyzeQuery('sbk补办').initials).toEqual(['sbk']);
		expect(analyzeQuery('12345热线').initials).toEqual([]);
	});
});

describe('question types', () => {
	it.each([
		['社保卡怎么补办', ['how']],
		['什么时候可以提取', ['when', 'whether']],
		['这是什么意思', ['what']],
		['补贴多少钱', ['howMuch']],
		['社保卡补办', []]
	])('%s → %j', (text, types) => {
		expect([...questionTypes(text)].sort()).toEqual([...types].sort());
	});

	it('agrees, disagrees or cannot tell', () => {
		expect(questionTypeAgreement(new Set(['how']), new Set(['how']))).toBe(1);
		expect(questionTypeAgreement(new Set(['how']), new Set(['where']))).toBe(-0.5);
		expect(questionTypeAgreement(new Set(['how']), new Set())).toBe(0);
	});
});

describe('pinyin', () => {
	it('reads toneless syllables and initials', () => {
		expect(pinyinOf('社')).toBe('she');
		expect(pinyinInitialRuns('社保卡')).toEqual(['sbk']);
		expect(pinyinInitialRuns('住房公积金')).toEqual(['zfgjj']);
		expect(pinyinInitialRuns('ab社保')).toEqual(['sb']);
	});

	it('finds homophones', () => {
		expect(homophonesOf('遇')).toContain('逾');
		expect(homophonesOf('遇')).not.toContain('遇');
		expect(homophonesOf('A')).toBe('');
	});
});
