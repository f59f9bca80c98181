import { describe, expect, it } from 'vitest';
import type { Category } from '$lib/db/generated/documents';
import {
	categoriesFromRows,
	createCategory,
	mergeCategory,
	moveCategory,
	renameCategory
} from './category-edit';

const node = (id: string, name: string, parentId: string | null, order = 1): Category => ({
	_id: `category:${id}`,
	type: 'category',
	name,
	parentId: parentId && `category:${parentId}`,
	order
});
const tree = [
	node('social', '社会保障', null, 1),
	node('card', '社保卡', 'social', 1),
	node('pension', '养老保险', 'social', 2),
	node('housing', '住房', null, 2),
	node('fund', '公积金', 'housing', 1),
	node('housing-card', '社保卡', 'housing', 2)
];

describe('category tree edits', () => {
	it('creates at the end of its siblings and refuses a sibling twin', () => {
		expect(createCategory(tree, ' 医疗保险 ', 'category:social', 'category:new')).toMatchObject({
			name: '医疗保险',
			parentId: 'category:social',
			order: 3
		});
		expect(() => createCategory(tree, '社保卡', 'category:social', 'category:x')).toThrow(
			'同一级已有「社保卡」'
		);
		expect(() => createCategory(tree, '  ', null, 'category:x')).toThrow('请填写分类名称');
	});

	it('renames, but not onto a sibling’s name', () => {
		expect(renameCategory(tree, tree[1]!, '社会保障卡').name).toBe('社会保障卡');
		expect(() => renameCategory(tree, tree[1]!, '养老保险')).toThrow('同一级已有「养老保险」');
	});

	it('moves a category, never under itself or its children', () => {
		expect(moveCategory(tree, tree[2]!, 'category:housing')).toMatchObject({
			parentId: 'category:housing',
			order: 3
		});
		expect(() => moveCategory(tree, tree[0]!, 'category:card')).toThrow('不能移动到自己或自己的下级分类之下');
		expect(() => moveCategory(tree, tree[1]!, 'category:housing')).toThrow('同一级已有「社保卡」');
	});

	it('merges: children move under the target, name clashes are refused', () => {
		expect(mergeCategory(tree, tree[2]!, tree[3]!).removed).toBe(tree[2]);
		expect(() => mergeCategory(tree, tree[3]!, tree[0]!)).toThrow('「社会保障」下已有同名分类「社保卡」');
		const fundIntoSocial = mergeCategory(tree, tree[4]!, tree[0]!);
		expect(fundIntoSocial).toEqual({ movedChildren: [], removed: tree[4] });
		expect(() => mergeCategory(tree, tree[0]!, tree[1]!)).toThrow('不能合并到自己的下级分类');
	});

	it('imports rows of levels or paths, reusing what exists and reporting bad rows', () => {
		let next = 0;
		const { created, problems } = categoriesFromRows(
			[['社会保障', '社保卡', '补办'], ['社会保障 › 医疗保险'], ['交通', '', '违章'], ['交通', '驾驶证', '']],
			tree,
			() => `category:n${++next}`
		);
		expect(created.map((category) => [category.name, category.parentId])).toEqual([
			['补办', 'category:card'],
			['医疗保险', 'category:social'],
			['交通', null],
			['驾驶证', 'category:n3']
		]);
		expect(problems).toEqual(['第 3 行：中间一级的分类名称为空']);
	});
});
