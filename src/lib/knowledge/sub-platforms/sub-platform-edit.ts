// Changes to the 分平台 list as pure steps: they check codes and names and say which documents to write.
// Nothing is ever deleted: entries, users' city roles and pub-<code> databases refer to the codes.
import type { SubPlatform } from '$lib/db/generated/documents';

export class SubPlatformEditError extends Error {}

/** The schema's subPlatformCode: it also names the city role (city:<code>) and the database pub-<code>. */
export const SUB_PLATFORM_CODE_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;
export const SUB_PLATFORM_NAME_MAX = 40;
/** The schema's ceiling for `order`; the list is renumbered on every move, so it is only reached by adding. */
const ORDER_MAX = 999;

export type MoveDirection = 'up' | 'down';

/** Who changes the list, and when: written on every document the change touches. */
export interface ListEditor {
	userName: string;
	at: string;
}

/** The list as shown: by order, ties by code, so every browser shows the same sequence. */
export function inListOrder<T extends SubPlatform>(platforms: readonly T[]): T[] {
	return [...platforms].sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
}

function checkCode(platforms: readonly SubPlatform[], code: string): string {
	const trimmed = code.trim();
	if (!trimmed) throw new SubPlatformEditError('请填写分平台代码，如 yangpu');
	if (!SUB_PLATFORM_CODE_PATTERN.test(trimmed))
		throw new SubPlatformEditError(
			`代码「${trimmed}」格式不对：须以小写字母开头，只含小写字母、数字和连字符（-），共 2–31 位，如 yangpu`
		);
	const taken = platforms.find((platform) => platform.code === trimmed);
	if (taken)
		throw new SubPlatformEditError(
			`代码「${trimmed}」已被「${taken.name}」使用${taken.retired ? '（已停用，可在列表中重新启用）' : ''}`
		);
	return trimmed;
}

function checkName(platforms: readonly SubPlatform[], name: string, exceptCode?: string): string {
	const trimmed = name.trim();
	if (!trimmed) throw new SubPlatformEditError('请填写分平台名称');
	if (trimmed.length > SUB_PLATFORM_NAME_MAX)
		throw new SubPlatformEditError(`名称不能超过 ${SUB_PLATFORM_NAME_MAX} 个字（现在 ${trimmed.length} 个）`);
	const twin = platforms.find((platform) => platform.name === trimmed && platform.code !== exceptCode);
	if (twin) throw new SubPlatformEditError(`已有名为「${trimmed}」的分平台（代码 ${twin.code}）`);
	return trimmed;
}

function find(platforms: readonly SubPlatform[], code: string): SubPlatform {
	const platform = platforms.find((candidate) => candidate.code === code);
	if (!platform) throw new SubPlatformEditError('没有找到这个分平台，名单可能刚在别处改过，请刷新后再试');
	return platform;
}

/** A new sub-platform at the end of the list. */
export function createSubPlatform(
	platforms: readonly SubPlatform[],
	input: { code: string; name: string },
	editor: ListEditor
): SubPlatform {
	const code = checkCode(platforms, input.code);
	const name = checkName(platforms, input.name);
	const order = Math.max(-1, ...platforms.map((platform) => platform.order)) + 1;
	if (order > ORDER_MAX) throw new SubPlatformEditError('名单的顺序号已用完，请先调整顺序再新增');
	return {
		_id: `subPlatform:${code}`,
		type: 'subPlatform',
		code,
		name,
		order,
		updatedBy: editor.userName,
		updatedAt: editor.at
	};
}

/** The renamed document, or null when the name did not change (nothing to write). */
export function renameSubPlatform(
	platforms: readonly SubPlatform[],
	code: string,
	name: string,
	editor: ListEditor
): SubPlatform | null {
	const platform = find(platforms, code);
	if (name.trim() === platform.name) return null;
	return {
		...platform,
		name: checkName(platforms, name, code),
		updatedBy: editor.userName,
		updatedAt: editor.at
	};
}

/**
 * Moves one place up or down and numbers the whole list 0, 1, 2 … again, returning only the documents whose
 * order changed: two in a tidy list, and ties or gaps left by older writes are straightened on the way.
 */
export function moveSubPlatform(
	platforms: readonly SubPlatform[],
	code: string,
	direction: MoveDirection,
	editor: ListEditor
): SubPlatform[] {
	const ordered = inListOrder(platforms);
	const from = ordered.findIndex((platform) => platform.code === find(platforms, code).code);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (to < 0) throw new SubPlatformEditError('已经在最前面');
	if (to >= ordered.length) throw new SubPlatformEditError('已经在最后面');
	[ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
	return ordered.flatMap((platform, order) =>
		platform.order === order ? [] : [{ ...platform, order, updatedBy: editor.userName, updatedAt: editor.at }]
	);
}

/** 停用 or 启用 again; null when it is already so. A retired one keeps its code, database and entries. */
export function setRetired(
	platforms: readonly SubPlatform[],
	code: string,
	retired: boolean,
	editor: ListEditor
): SubPlatform | null {
	const platform = find(platforms, code);
	if (Boolean(platform.retired) === retired) return null;
	const { retired: _previous, ...rest } = platform;
	return {
		...rest,
		...(retired ? { retired: true } : {}),
		updatedBy: editor.userName,
		updatedAt: editor.at
	};
}
