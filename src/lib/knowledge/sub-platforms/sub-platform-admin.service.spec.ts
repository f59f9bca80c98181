// The admins' list edits through the repository: each step reads the latest local list, only admins may
// take one, and nothing is deleted. The browser's database is an in-memory PouchDB.
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubPlatform } from '$lib/db/generated/documents';
import type { LocalDatabase } from '$lib/db/local-databases';
import { listSubPlatforms, loadSubPlatformNames } from '../sub-platform.service';
import {
	addSubPlatform,
	listAllSubPlatforms,
	moveSubPlatformOnePlace,
	renameSubPlatformTo,
	setSubPlatformRetired
} from './sub-platform-admin.service';
import { SubPlatformListScreen } from './sub-platform-list-screen.svelte';

PouchDB.plugin(memoryAdapter);

const local = vi.hoisted(() => ({ db: null as unknown as LocalDatabase }));
vi.mock('$lib/db/local-databases', () => ({ openLocalDatabase: () => local.db }));

const admin = { name: 'admin01', roles: ['admin' as const] };
const editor = { name: 'editor01', roles: ['editor' as const, 'reviewer' as const] };

const seeded = (code: string, name: string, order: number): SubPlatform => ({
	_id: `subPlatform:${code}`,
	type: 'subPlatform',
	code,
	name,
	order,
	updatedBy: 'system',
	updatedAt: '2026-03-01T08:00:00.000Z'
});

async function shownList() {
	const result = await listAllSubPlatforms('admin01');
	if (!result.ok) throw new Error(result.error);
	return result.value.map((one) => `${one.code}:${one.name}:${one.order}${one.retired ? ':停用' : ''}`);
}

beforeEach(async () => {
	local.db = new PouchDB(`sub-platforms-${Math.random()}`, { adapter: 'memory' }) as unknown as LocalDatabase;
	await local.db.bulkDocs([
		seeded('sanya', '三亚市', 1),
		seeded('haikou', '海口市', 0),
		seeded('sansha', '三沙市', 2)
	]);
});

describe('an admin keeps the list', () => {
	it('adds one at the end, then renames, moves and retires it', async () => {
		expect(await addSubPlatform(admin, { code: 'yangpu', name: '洋浦' })).toMatchObject({ ok: true });
		expect(await renameSubPlatformTo(admin, 'yangpu', '洋浦经济开发区')).toEqual({ ok: true, value: true });
		expect(await moveSubPlatformOnePlace(admin, 'yangpu', 'up')).toMatchObject({ ok: true });
		expect(await setSubPlatformRetired(admin, 'sanya', true)).toMatchObject({ ok: true });
		expect(await shownList()).toEqual([
			'haikou:海口市:0',
			'sanya:三亚市:1:停用',
			'yangpu:洋浦经济开发区:2',
			'sansha:三沙市:3'
		]);
		const stored = (await local.db.get('subPlatform:yangpu')) as unknown as SubPlatform;
		expect(stored).toMatchObject({ updatedBy: 'admin01', type: 'subPlatform' });
	});

	it('keeps retired ones for naming old entries, and offers only those in service for new ones', async () => {
		await setSubPlatformRetired(admin, 'sanya', true);
		const offered = await listSubPlatforms('admin01');
		expect(offered.ok && offered.value.map((one) => one.code)).toEqual(['haikou', 'sansha']);
		const names = await loadSubPlatformNames('admin01');
		expect(names.ok && names.value.nameOf('sanya')).toBe('三亚市（已停用）');
		expect(await setSubPlatformRetired(admin, 'sanya', false)).toMatchObject({ ok: true });
		expect(await shownList()).toContain('sanya:三亚市:1');
	});

	it('never deletes: every code stays in the database', async () => {
		await setSubPlatformRetired(admin, 'haikou', true);
		const all = await local.db.allDocs({ startkey: 'subPlatform:', endkey: 'subPlatform:\ufff0' });
		expect(all.rows.map((row) => row.id)).toEqual([
			'subPlatform:haikou',
			'subPlatform:sansha',
			'subPlatform:sanya'
		]);
	});

	it('says in Chinese what is wrong, and writes nothing', async () => {
		expect(await addSubPlatform(admin, { code: 'sanya', name: '又一个三亚' })).toEqual({
			ok: false,
			error: '代码「sanya」已被「三亚市」使用'
		});
		expect(await renameSubPlatformTo(admin, 'sanya', '海口市')).toEqual({
			ok: false,
			error: '已有名为「海口市」的分平台（代码 haikou）'
		});
		expect(await moveSubPlatformOnePlace(admin, 'haikou', 'up')).toEqual({
			ok: false,
			error: '已经在最前面'
		});
		expect(await shownList()).toEqual(['haikou:海口市:0', 'sanya:三亚市:1', 'sansha:三沙市:2']);
	});

	it('refuses anyone but an admin before writing (the server would refuse the push)', async () => {
		const result = await addSubPlatform(editor, { code: 'yangpu', name: '洋浦' });
		expect(result).toEqual({ ok: false, error: '新增分平台失败：只有系统管理员可以维护分平台名单' });
		expect(await setSubPlatformRetired(editor, 'sanya', true)).toMatchObject({ ok: false });
		expect(await shownList()).toHaveLength(3);
	});
});

describe('the screen keeps what the admin typed', () => {
	it('until a step succeeds', async () => {
		const screen = new SubPlatformListScreen(admin);
		await screen.load();
		screen.newCode = 'Yangpu';
		screen.newName = '洋浦';
		expect(await screen.add()).toBe(false);
		expect(screen.error).toContain('格式不对');
		expect([screen.newCode, screen.newName]).toEqual(['Yangpu', '洋浦']);
		screen.newCode = 'yangpu';
		expect(await screen.add()).toBe(true);
		expect([screen.newCode, screen.newName, screen.message]).toEqual(['', '', '已新增「洋浦」']);
		expect(screen.platforms.map((one) => one.code)).toEqual(['haikou', 'sanya', 'sansha', 'yangpu']);

		screen.startRenaming(screen.platforms[1]!);
		screen.renameTo = '三'.repeat(41);
		expect(await screen.rename()).toBe(false);
		expect([screen.renamingCode, screen.renameTo]).toEqual(['sanya', '三'.repeat(41)]);
		screen.renameTo = '三亚';
		expect(await screen.rename()).toBe(true);
		expect(screen.renamingCode).toBeNull();
		expect(screen.platforms[1]!.name).toBe('三亚');
	});
});
