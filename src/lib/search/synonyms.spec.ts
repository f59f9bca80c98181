import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNONYM_GROUPS, mergeGroups, SynonymTable, synonymGroupsFrom } from './synonyms';

describe('SynonymTable', () => {
	const table = new SynonymTable();

	it.each([
		['摩托车驾照可以代办吗', '摩托车机动车驾驶证可以代办吗'],
		['驾驶证到期', '机动车驾驶证到期'],
		['社保卡和社保', '社会保障卡和社会保险'],
		['居民身份证丢了', '居民身份证丢了'],
		['没有同义词的句子', '没有同义词的句子'],
		['', '']
	])('writes every synonym in %s as its group’s first term', (text, canonical) => {
		expect(table.canonical(text)).toBe(canonical);
	});

	it.each([
		['医保报销比例', ['基本医疗保险', '医疗保险']],
		['医疗保险怎么报销', ['基本医疗保险', '医保']],
		['公积金提取', ['住房公积金']],
		['身份证丢了', ['居民身份证']],
		// 社保卡 is read as one term: it does not also expand 社保
		['社保卡补办', ['社会保障卡', '补领']],
		['社保断缴', ['社会保险']],
		['今天天气', []]
	])('%s → %j', (query, expected) => {
		expect(table.expand(query).sort()).toEqual([...expected].sort());
	});

	it('merges groups that share a term and drops one-character terms', () => {
		expect(
			mergeGroups([
				['医保', '医疗保险'],
				['医疗保险', '基本医疗保险'],
				['能', '可以']
			])
		).toEqual([['基本医疗保险', '医疗保险', '医保']]);
	});

	it('normalizes terms like the tokenizer', () => {
		expect(new SynonymTable([['醫保', '醫療保險']]).expand('医保')).toEqual(['医疗保险']);
	});

	it('takes editors’ groups from Synonym documents, then the built-in ones', () => {
		const groups = synonymGroupsFrom([{ terms: ['独生子女证', '独生子女父母光荣证'] }]);
		expect(groups[0]).toEqual(['独生子女证', '独生子女父母光荣证']);
		expect(groups).toHaveLength(DEFAULT_SYNONYM_GROUPS.length + 1);
		expect(new SynonymTable(groups).expand('独生子女证办理')).toEqual(['独生子女父母光荣证']);
	});

	it('can be emptied', () => {
		expect(new SynonymTable([]).expand('医保')).toEqual([]);
	});
});
