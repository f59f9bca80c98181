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
	['电脑', '计算机'],
	// Everyday words callers use for the city's services and the formal ones entries are written in.
	['供暖', '暖气', '采暖'],
	['变更', '更改', '修改'],
	['工资', '薪水', '薪资'],
	['欠薪', '拖欠工资'],
	['噪音', '噪声'],
	['物业费', '物业管理费'],
	['电动车', '电动自行车', '电瓶车'],
	['公交车', '公共汽车'],
	['出租车', '出租汽车'],
	['网约车', '网络预约出租汽车'],
	['养老保险', '养老险'],
	['失业保险', '失业险'],
	['工伤保险', '工伤险'],
	['生育保险', '生育险'],
	['到期', '过期'],
	['冬季', '冬天'],
	['夏季', '夏天'],
	['品牌', '牌子'],
	['丈夫', '老公'],
	['妻子', '老婆']
];

export class SynonymTable {
	#groups: string[][];
	/** Every term with its group, longest first: 社保卡 is read before 社保. */
	#terms: { term: string; group: number }[];
	/** The same, by their first UTF-16 unit: what canonical() looks up at each position. */
	#termsByFirstUnit = new Map<number, { term: string; group: number }[]>();

	constructor(groups: readonly SynonymGroup[] = DEFAULT_SYNONYM_GROUPS) {
		this.#groups = mergeGroups(groups);
		this.#terms = this.#groups
			.flatMap((terms, group) => terms.map((term) => ({ term, group })))
			.sort((a, b) => b.term.length - a.term.length);
		for (const entry of this.#terms) {
			const first = entry.term.charCodeAt(0);
			this.#termsByFirstUnit.set(first, [...(this.#termsByFirstUnit.get(first) ?? []), entry]);
		}
	}

	get groups(): readonly (readonly string[])[] {
		return this.#groups;
	}

	/**
	 * The text with every synonym written as its group's first term (longest first, one pass), so two
	 * questions that say the same thing in other words compare as equal: 驾照 and 驾驶证 alike.
	 */
	canonical(text: string): string {
		let result = '';
		let copiedUpTo = 0;
		for (let at = 0; at < text.length; at++) {
			const found = this.#termsByFirstUnit
				.get(text.charCodeAt(at))
				?.find(({ term }) => text.startsWith(term, at));
			if (!found) continue;
			result += text.slice(copiedUpTo, at) + this.#groups[found.group]![0];
			at += found.term.length - 1;
			copiedUpTo = at + 1;
		}
		// Most questions name no synonym: the text itself, nothing copied.
		return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
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
