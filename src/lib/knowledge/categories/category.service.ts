// The category tree for editors: counts, create, rename, move, merge, import. Returns results, never throws at the UI.
import type { Category, Entry } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { mayWritePublications, publicationOf } from '../workflow/publication';
import { followedByPublications, type ActingUser } from '../workflow/publication.service';
import {
	categoriesFromRows,
	CategoryEditError,
	createCategory,
	mergeCategory,
	moveCategory,
	renameCategory
} from './category-edit';

function explain(error: unknown, action: string): string {
	if (error instanceof CategoryEditError) return error.message;
	return explainFailure(error, action);
}

async function attempt<T>(action: string, work: () => Promise<T>): Promise<Result<T>> {
	try {
		return success(await work());
	} catch (error) {
		return failure(explain(error, action));
	}
}

const categories = (userName: string) => new Repository(userName, 'category');

/** Entries filed directly under each category (one pass over the local entries). */
export function countEntriesByCategory(userName: string): Promise<Result<Map<string, number>>> {
	return attempt('统计知识点', async () => {
		const counts = new Map<string, number>();
		for (const entry of await new Repository(userName, 'entry').all()) {
			counts.set(entry.categoryId, (counts.get(entry.categoryId) ?? 0) + 1);
		}
		return counts;
	});
}

export const addCategory = (userName: string, name: string, parentId: string | null) =>
	attempt('新建分类', async () =>
		categories(userName).save(
			createCategory(await categories(userName).all(), name, parentId, `category:${crypto.randomUUID()}`)
		)
	);

export const renameCategoryTo = (userName: string, category: Category, name: string) =>
	attempt('重命名', async () =>
		categories(userName).save(renameCategory(await categories(userName).all(), category, name))
	);

export const moveCategoryUnder = (userName: string, category: Category, parentId: string | null) =>
	attempt('移动分类', async () =>
		categories(userName).save(moveCategory(await categories(userName).all(), category, parentId))
	);

/**
 * Re-files the source's entries under the target, moves its children, then removes it. Published entries
 * change category for agents too, so only a reviewer or admin may merge a category that holds them.
 */
export async function mergeCategories(
	user: ActingUser,
	source: Category,
	target: Category
): Promise<Result<number>> {
	const userName = user.name;
	const merged = await attempt('合并分类', async () => {
		const merge = mergeCategory(await categories(userName).all(), source, target);
		const at = new Date().toISOString();
		const entries = (await new Repository(userName, 'entry').all()).filter(
			(entry) => entry.categoryId === source._id
		);
		if (!mayWritePublications(user.roles) && entries.some((entry) => publicationOf(entry)))
			throw new CategoryEditError(
				'这个分类下有已发布或已下线的知识点，合并会改动话务员看到的分类，需要审核人操作'
			);
		const refiled: Entry[] = entries.map((entry) => ({
			...entry,
			categoryId: target._id,
			updatedBy: userName,
			updatedAt: at,
			history: [
				...entry.history,
				{ action: 'edit', by: userName, at, comment: `分类「${source.name}」并入「${target.name}」` }
			]
		}));
		if (refiled.length > 0) await new Repository(userName, 'entry').saveMany(refiled);
		if (merge.movedChildren.length > 0) await categories(userName).saveMany(merge.movedChildren);
		await categories(userName).remove(merge.removed._id);
		return refiled;
	});
	if (!merged.ok) return merged;
	return followedByPublications(user, merged.value, merged.value.length, '合并分类');
}

const HEADER_WORDS = /level|一级|二级|分类|类别/i;

/** Adds the categories listed in rows (a header row is recognised and skipped); all or nothing. */
export function importCategoryRows(userName: string, rows: string[][]): Promise<Result<{ created: number }>> {
	return attempt('导入分类', async () => {
		const body = rows.length > 0 && rows[0]!.some((cell) => HEADER_WORDS.test(cell)) ? rows.slice(1) : rows;
		const { created, problems } = categoriesFromRows(
			body,
			await categories(userName).all(),
			() => `category:${crypto.randomUUID()}`
		);
		if (problems.length > 0)
			throw new CategoryEditError(
				`文件有问题，未导入：${problems.slice(0, 5).join('；')}${problems.length > 5 ? ` 等 ${problems.length} 处` : ''}`
			);
		if (created.length > 0) await categories(userName).saveMany(created);
		return { created: created.length };
	});
}

export const listAllCategories = (userName: string) =>
	attempt('读取业务分类', () => categories(userName).all());
