// The admins' edits of the 分平台 list: every step reads the latest local list, applies a pure rule and saves.
// Returns results, never throws at the UI.
import type { Role } from '$lib/db/catalog';
import type { SubPlatform } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import {
	createSubPlatform,
	inListOrder,
	moveSubPlatform,
	renameSubPlatform,
	setRetired,
	SubPlatformEditError,
	type ListEditor,
	type MoveDirection
} from './sub-platform-edit';

export interface ListAdmin {
	name: string;
	roles: readonly Role[];
}

const platforms = (userName: string) => new Repository(userName, 'subPlatform');

function explain(error: unknown, action: string): string {
	if (error instanceof SubPlatformEditError) return error.message;
	if ((error as { status?: number }).status === 409)
		return `${action}失败：这个分平台刚在别处被修改过，请刷新后再试`;
	return explainFailure(error, action);
}

/**
 * Applies one change to the latest list. Only admins: the server refuses anyone else's write, and a local
 * write it refuses would sit unpushed in this browser.
 */
async function change<T>(
	admin: ListAdmin,
	action: string,
	work: (list: Stored<SubPlatform>[], editor: ListEditor) => Promise<T>
): Promise<Result<T>> {
	if (!admin.roles.includes('admin')) return failure(`${action}失败：只有系统管理员可以维护分平台名单`);
	try {
		return success(await work(await platforms(admin.name).all(), { userName: admin.name, at: nowIso() }));
	} catch (error) {
		return failure(explain(error, action));
	}
}

/** The whole list, retired ones included, in its order. */
export async function listAllSubPlatforms(userName: string): Promise<Result<Stored<SubPlatform>[]>> {
	try {
		return success(inListOrder(await platforms(userName).all()));
	} catch (error) {
		return failure(explainFailure(error, '读取分平台名单'));
	}
}

export const addSubPlatform = (admin: ListAdmin, input: { code: string; name: string }) =>
	change(admin, '新增分平台', (list, editor) =>
		platforms(admin.name).save(createSubPlatform(list, input, editor))
	);

/** Renames; true when something was written, false when the name was already that. */
export const renameSubPlatformTo = (admin: ListAdmin, code: string, name: string) =>
	change(admin, '修改名称', async (list, editor) => {
		const renamed = renameSubPlatform(list, code, name, editor);
		if (renamed) await platforms(admin.name).save(renamed);
		return renamed !== null;
	});

export const moveSubPlatformOnePlace = (admin: ListAdmin, code: string, direction: MoveDirection) =>
	change(admin, direction === 'up' ? '上移' : '下移', async (list, editor) => {
		await platforms(admin.name).saveMany(moveSubPlatform(list, code, direction, editor));
	});

/** 停用 (retired) or 启用 again; never a deletion. */
export const setSubPlatformRetired = (admin: ListAdmin, code: string, retired: boolean) =>
	change(admin, retired ? '停用' : '启用', async (list, editor) => {
		const changed = setRetired(list, code, retired, editor);
		if (changed) await platforms(admin.name).save(changed);
	});
