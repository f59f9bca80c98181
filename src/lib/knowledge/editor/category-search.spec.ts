import { describe, expect, it } from 'vitest';
import type { CategoryOption } from '../category-tree';
import { filterCategoryOptions } from './category-search';

const option = (id: string, path: string): CategoryOption => ({
	id,
	name: path.split(' › ').at(-1)!,
	path,
	depth: path.split(' › ').length - 1
});
const OPTIONS = [
	option('a', '人力社保'),
	option('b', '人力社保 › 社保卡'),
	option('c', '人力社保 › 社保卡 › 补办'),
	option('d', '公安 › 户籍'),
	option('e', '公安 › 户籍 › 户口迁移'),
	option('f', '交通 › 驾驶证 › 换领')
];

describe('filterCategoryOptions', () => {
	it.each([
		['', ['a', 'b', 'c', 'd', 'e', 'f']],
		['   ', ['a', 'b', 'c', 'd', 'e', 'f']],
		['社保卡', ['b', 'c']],
		['补办', ['c']],
		['公安 迁移', ['e']],
		['公安 › 户籍', ['d', 'e']],
		['人力社保/补办', ['c']],
		['不存在', []]
	])('%j', (query, ids) => {
		expect(filterCategoryOptions(OPTIONS, query).map((each) => each.id)).toEqual(ids);
	});

	it('finds among 650 categories', () => {
		const many = Array.from({ length: 650 }, (_, index) =>
			option(`c${index}`, `一级${index % 10} › 二级${index % 50} › 三级${index}`)
		);
		expect(filterCategoryOptions(many, '二级7 三级').map((each) => each.id)).toEqual(
			many.filter((_, index) => index % 50 === 7).map((each) => each.id)
		);
	});
});
