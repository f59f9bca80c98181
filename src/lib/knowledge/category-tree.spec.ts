import { describe, expect, it } from 'vitest';
import { category } from '../../../tests/fixtures/documents';
import { categoryOptions, categoryPath } from './category-tree';
import { validityLabel } from './labels';

const tree = [
	category({ _id: 'category:b', name: '住房公积金', order: 2 }),
	category({ _id: 'category:a', name: '社会保障', order: 1 }),
	category({ _id: 'category:a2', name: '医疗保险', parentId: 'category:a', order: 2 }),
	category({ _id: 'category:a1', name: '社会保障卡', parentId: 'category:a', order: 1 }),
	category({ _id: 'category:orphan', name: '孤儿', parentId: 'category:gone', order: 3 })
];

describe('category tree', () => {
	it('lists depth-first with siblings in order; orphans become roots', () => {
		expect(categoryOptions(tree).map((option) => [option.name, option.depth])).toEqual([
			['社会保障', 0],
			['社会保障卡', 1],
			['医疗保险', 1],
			['住房公积金', 0],
			['孤儿', 0]
		]);
	});

	it('shows the path from the root', () => {
		const byId = new Map(tree.map((node) => [node._id, node]));
		expect(categoryPath(byId, 'category:a1')).toBe('社会保障 › 社会保障卡');
	});

	it('survives a cycle', () => {
		const cyclic = new Map([
			['category:x', category({ _id: 'category:x', name: 'X', parentId: 'category:y' })],
			['category:y', category({ _id: 'category:y', name: 'Y', parentId: 'category:x' })]
		]);
		expect(categoryPath(cyclic, 'category:x')).toBe('Y › X');
	});
});

describe('validity label', () => {
	it.each([
		[null, null],
		['2026-02-28', '已失效'],
		['2026-03-01', '即将失效'],
		['2026-03-31', '即将失效'],
		['2026-04-01', null]
	])('validTo %s on 2026-03-01 → %s', (validTo, label) => {
		expect(validityLabel({ validTo }, '2026-03-01')).toBe(label);
	});
});
