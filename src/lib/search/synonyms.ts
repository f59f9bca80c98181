// Groups of equivalent terms, applied at query time: a query that contains one term of a group also looks
// for the others, at a lower weight than its own words. Editors maintain groups as Synonym documents
// (type 'synonym', terms[]); a short built-in list covers the hotline's everyday abbreviations.
import type { Synonym } from '$lib/db/generated/documents';
import { normalizeText } from './tokenizer';

export type SynonymGroup = readonly string[];

/** Weight of a term found through a synonym, relative to the query's own words. */
export const SYNONYM_WEIGHT = 0.4;

export const DEFAULT_SYNONYM_GROUPS: readonly SynonymGroup[] = [
	['医保', '医疗保险', '基本医疗保险'],
	['社保', '社会保险'],
	['社保卡', '社会保障卡'],
	['公积金', '住房公积金'],
	['身份证', '居民身份证'],
	['驾驶证', '驾照', '机动车驾驶证'],
	['户口', '户籍'],
	['房产证', '不动产权证书', '不动产证'],
	['退休金', '养老金'],
	['个税', '个人所得税'],
	['低保', '最低生活保障'],
	['失业金', '失业保险金'],
	['出生证明', '出生医学证明'],
	['新冠', '新冠肺炎', '新型冠状病毒'],
	['手机号', '手机号码'],
	['补办', '补领'],
	['取消', '解除'],
	['申请', '申领'],
	['缴纳', '缴费', '交纳'],
	['查询', '查看'],
	['孩子', '小孩', '子女'],
	['老人', '老年人'],
	['多少钱', '费用', '收费'],
	['多久', '多长时间'],
	['电脑', '计算机']
];

export class SynonymTable {
	#groups: string[][];
	/** Every term with its group, longest first: 社保卡 is read before 社保. */
	#terms: { term: string; group: number }[];

	constructor(groups: readonly SynonymGroup[] = DEFAULT_SYNONYM_GROUPS) {
		this.#groups = mergeGroups(groups);
		this.#terms = this.#groups
			.flatMap((terms, group) => terms.map((term) => ({ term, group })))
			.sort((a, b) => b.term.length - a.term.length);
	}

	get groups(): readonly (readonly string[])[] {
		return this.#groups;
	}

	/**
	 * The equivalents to look for in a normalized query: for each group one of whose terms occurs in it
	 * (a term inside a longer matched term does not count), the group's terms that the query lacks.
	 */
	expand(normalizedQuery: string): string[] {
		let rest = normalizedQuery;
		const groups = new Set<number>();
		for (const { term, group } of this.#terms) {
			if (!rest.includes(term)) continue;
			groups.add(group);
			rest = rest.split(term).join(' ');
		}
		const found: string[] = [];
		for (const group of groups) {
			for (const term of this.#groups[group]!) if (!normalizedQuery.includes(term)) found.push(term);
		}
		return found;
	}
}

/**
 * Normalizes terms like the tokenizer, drops one-character terms (能 would match inside 功能), and
 * merges groups that share a term. Longest terms first within a group.
 */
export function mergeGroups(groups: readonly SynonymGroup[]): string[][] {
	const merged: Set<string>[] = [];
	for (const group of groups) {
		const terms = new Set(group.map(normalizeText).filter((term) => [...term].length >= 2));
		if (terms.size < 2) continue;
		const overlapping = merged.filter((other) => [...terms].some((term) => other.has(term)));
		const target = new Set([...terms, ...overlapping.flatMap((other) => [...other])]);
		for (const other of overlapping) merged.splice(merged.indexOf(other), 1);
		merged.push(target);
	}
	return merged.map((terms) => [...terms].sort((a, b) => b.length - a.length));
}

/** Editors' groups first, then the built-in ones (a group sharing a term with an editor's is merged). */
export function synonymGroupsFrom(
	documents: readonly { terms: Synonym['terms'] | readonly string[] }[]
): SynonymGroup[] {
	return [...documents.map((document) => document.terms), ...DEFAULT_SYNONYM_GROUPS];
}
