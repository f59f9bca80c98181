import { describe, expect, it } from 'vitest';
import type { SubPlatform } from '$lib/db/generated/documents';
import { validateDocument } from '$lib/db/validation';
import {
	createSubPlatform,
	inListOrder,
	moveSubPlatform,
	renameSubPlatform,
	setRetired
} from './sub-platform-edit';
import { subPlatformNames } from './sub-platform-names';

const AT = '2026-03-01T08:00:00.000Z';
const editor = { userName: 'admin01', at: '2026-12-06T02:00:00.000Z' };

const platform = (code: string, name: string, order: number, retired?: true): SubPlatform => ({
	_id: `subPlatform:${code}`,
	type: 'subPlatform',
	code,
	name,
	order,
	...(retired ? { retired } : {}),
	updatedBy: 'system',
	updatedAt: AT
});
const list = [
	platform('haikou', '海口市', 0),
	platform('sanya', '三亚市', 1),
	platform('sansha', '三沙市', 2, true),
	platform('danzhou', '儋州市', 3)
];
const codes = (platforms: SubPlatform[]) => platforms.map((one) => one.code);

describe('adding a sub-platform', () => {
	it('puts a valid one at the end of the list, as the schema wants it', () => {
		const added = createSubPlatform(list, { code: ' yangpu ', name: ' 洋浦经济开发区 ' }, editor);
		expect(added).toEqual({
			_id: 'subPlatform:yangpu',
			type: 'subPlatform',
			code: 'yangpu',
			name: '洋浦经济开发区',
			order: 4,
			updatedBy: 'admin01',
			updatedAt: editor.at
		});
		expect(validateDocument(added)).toEqual({ ok: true });
		expect(createSubPlatform([], { code: 'haikou', name: '海口市' }, editor).order).toBe(0);
	});

	it.each([
		['', '洋浦', '请填写分平台代码'],
		['Yangpu', '洋浦', '格式不对'],
		['1yangpu', '洋浦', '格式不对'],
		['y', '洋浦', '格式不对'],
		['yang_pu', '洋浦', '格式不对'],
		['洋浦', '洋浦', '格式不对'],
		[`y${'a'.repeat(31)}`, '洋浦', '格式不对'],
		['sanya', '洋浦', '代码「sanya」已被「三亚市」使用'],
		['sansha', '洋浦', '已停用，可在列表中重新启用'],
		['yangpu', '  ', '请填写分平台名称'],
		['yangpu', '洋'.repeat(41), '名称不能超过 40 个字（现在 41 个）'],
		['yangpu', '海口市', '已有名为「海口市」的分平台（代码 haikou）'],
		['yangpu', '三沙市', '已有名为「三沙市」的分平台（代码 sansha）']
	])('refuses code %o with name %o: %s', (code, name, message) => {
		expect(() => createSubPlatform(list, { code, name }, editor)).toThrow(message);
	});

	it('accepts the pattern’s edges: two characters, 31, digits and hyphens', () => {
		for (const code of ['ab', `a${'b'.repeat(30)}`, 'city-2', 'q9'])
			expect(createSubPlatform(list, { code, name: code }, editor).code).toBe(code);
	});

	it('stops at the schema’s highest order', () => {
		expect(() =>
			createSubPlatform([platform('last', '末位', 999)], { code: 'more', name: '再加' }, editor)
		).toThrow('顺序号已用完');
	});
});

describe('renaming', () => {
	it('renames and records who did it', () => {
		expect(renameSubPlatform(list, 'sanya', ' 三亚 ', editor)).toMatchObject({
			_id: 'subPlatform:sanya',
			code: 'sanya',
			name: '三亚',
			order: 1,
			updatedBy: 'admin01'
		});
	});

	it('writes nothing when the name is unchanged', () => {
		expect(renameSubPlatform(list, 'sanya', '三亚市 ', editor)).toBeNull();
	});

	it.each([
		['sanya', '', '请填写分平台名称'],
		['sanya', '海口市', '已有名为「海口市」'],
		['sanya', '三'.repeat(41), '名称不能超过 40 个字'],
		['nowhere', '某地', '没有找到这个分平台']
	])('refuses %s → %o: %s', (code, name, message) => {
		expect(() => renameSubPlatform(list, code, name, editor)).toThrow(message);
	});
});

describe('ordering', () => {
	it('sorts by order, ties by code', () => {
		expect(codes(inListOrder([platform('b', 'B', 1), platform('c', 'C', 0), platform('a', 'A', 1)]))).toEqual(
			['c', 'a', 'b']
		);
	});

	it.each([
		['sanya', 'up', ['sanya', 'haikou'], [0, 1]],
		['sanya', 'down', ['sanya', 'sansha'], [2, 1]],
		['sansha', 'up', ['sanya', 'sansha'], [2, 1]],
		['haikou', 'down', ['haikou', 'sanya'], [1, 0]]
	] as const)('moves %s %s, writing only the two swapped', (code, direction, changed, orders) => {
		const written = moveSubPlatform(list, code, direction, editor);
		expect(written.map((one) => one.code).sort()).toEqual([...changed].sort());
		expect(changed.map((one) => written.find((doc) => doc.code === one)!.order)).toEqual(orders);
		expect(written.every((doc) => doc.updatedBy === 'admin01' && doc.updatedAt === editor.at)).toBe(true);
	});

	it('straightens gaps and ties left by older writes as it moves', () => {
		const untidy = [platform('a', 'A', 5), platform('b', 'B', 5), platform('c', 'C', 9)];
		const written = moveSubPlatform(untidy, 'c', 'up', editor);
		const after = inListOrder(untidy.map((one) => written.find((doc) => doc.code === one.code) ?? one));
		expect(codes(after)).toEqual(['a', 'c', 'b']);
		expect(after.map((one) => one.order)).toEqual([0, 1, 2]);
	});

	it('refuses to move past either end', () => {
		expect(() => moveSubPlatform(list, 'haikou', 'up', editor)).toThrow('已经在最前面');
		expect(() => moveSubPlatform(list, 'danzhou', 'down', editor)).toThrow('已经在最后面');
	});
});

describe('retiring', () => {
	it('retires and reactivates without touching code, name or order', () => {
		const retired = setRetired(list, 'sanya', true, editor)!;
		expect(retired).toMatchObject({ code: 'sanya', name: '三亚市', order: 1, retired: true });
		const back = setRetired(list, 'sansha', false, editor)!;
		expect(back).not.toHaveProperty('retired');
		expect(back).toMatchObject({ code: 'sansha', order: 2, updatedBy: 'admin01' });
		expect(validateDocument(back)).toEqual({ ok: true });
	});

	it('writes nothing when it is already so', () => {
		expect(setRetired(list, 'sansha', true, editor)).toBeNull();
		expect(setRetired(list, 'haikou', false, editor)).toBeNull();
	});
});

describe('naming an entry’s sub-platform', () => {
	const names = subPlatformNames(list);
	it.each([
		[undefined, '全省'],
		['', '全省'],
		['haikou', '海口市'],
		['sansha', '三沙市（已停用）'],
		['yangpu', 'yangpu']
	])('%o is shown as %o', (code, shown) => {
		expect(names.nameOf(code)).toBe(shown);
	});
});
