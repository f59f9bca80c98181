// Changes to the category tree as pure steps: they check names and cycles and say what to write.
import type { Category } from '$lib/db/generated/documents';

export class CategoryEditError extends Error {}

function siblingsOf(categories: Category[], parentId: string | null, except?: string): Category[] {
	return categories.filter((category) => category.parentId === parentId && category._id !== except);
}

function checkName(categories: Category[], name: string, parentId: string | null, except?: string): string {
	const trimmed = name.trim();
	if (!trimmed) throw new CategoryEditError('请填写分类名称');
	if (trimmed.length > 60) throw new CategoryEditError('分类名称不能超过 60 个字');
	if (siblingsOf(categories, parentId, except).some((category) => category.name === trimmed)) {
		throw new CategoryEditError(`同一级已有「${trimmed}」`);
	}
	return trimmed;
}

export function createCategory(
	categories: Category[],
	name: string,
	parentId: string | null,
	id: string
): Category {
	const order = Math.max(0, ...siblingsOf(categories, parentId).map((category) => category.order)) + 1;
	return { _id: id, type: 'category', name: checkName(categories, name, parentId), parentId, order };
}

export function renameCategory(categories: Category[], category: Category, name: string): Category {
	return { ...category, name: checkName(categories, name, category.parentId, category._id) };
}

/** Ids of the category and everything under it. */
export function subtreeIds(categories: Category[], rootId: string): Set<string> {
	const ids = new Set([rootId]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const category of categories) {
			if (category.parentId && ids.has(category.parentId) && !ids.has(category._id)) {
				ids.add(category._id);
				grew = true;
			}
		}
	}
	return ids;
}

export function moveCategory(
	categories: Category[],
	category: Category,
	newParentId: string | null
): Category {
	if (newParentId && subtreeIds(categories, category._id).has(newParentId)) {
		throw new CategoryEditError('不能移动到自己或自己的下级分类之下');
	}
	const name = checkName(categories, category.name, newParentId, category._id);
	const order =
		Math.max(0, ...siblingsOf(categories, newParentId, category._id).map((sibling) => sibling.order)) + 1;
	return { ...category, name, parentId: newParentId, order };
}

export interface CategoryMerge {
	/** Children of the merged category, now under the target. */
	movedChildren: Category[];
	/** The merged category, to delete once its entries point at the target. */
	removed: Category;
}

/** Merging A into B: A's children move under B, A's entries are re-filed under B, A goes away. */
export function mergeCategory(categories: Category[], source: Category, target: Category): CategoryMerge {
	if (source._id === target._id) throw new CategoryEditError('不能合并到自己');
	if (subtreeIds(categories, source._id).has(target._id))
		throw new CategoryEditError('不能合并到自己的下级分类');
	let order = Math.max(0, ...siblingsOf(categories, target._id).map((sibling) => sibling.order));
	const targetChildNames = new Set(siblingsOf(categories, target._id).map((child) => child.name));
	const movedChildren = siblingsOf(categories, source._id).map((child) => {
		if (targetChildNames.has(child.name)) {
			throw new CategoryEditError(`「${target.name}」下已有同名分类「${child.name}」，请先合并或改名`);
		}
		return { ...child, parentId: target._id, order: ++order };
	});
	return { movedChildren, removed: source };
}

/**
 * A category tree from rows of names, one level per column (level1, level2, level3 …) or one column
 * holding a path joined with › / ＞ >. Existing categories are matched by path; only missing ones are new.
 */
export function categoriesFromRows(
	rows: string[][],
	existing: Category[],
	newId: () => string
): { created: Category[]; problems: string[] } {
	const all = [...existing];
	const created: Category[] = [];
	const problems: string[] = [];
	rows.forEach((cells, index) => {
		const names = (cells.length === 1 ? cells[0]!.split(/\s*[›/＞>]\s*/) : cells).map((name) => name.trim());
		while (names.length > 0 && !names.at(-1)) names.pop();
		if (names.length === 0) return;
		if (names.some((name) => !name)) {
			problems.push(`第 ${index + 1} 行：中间一级的分类名称为空`);
			return;
		}
		if (names.some((name) => name.length > 60)) {
			problems.push(`第 ${index + 1} 行：分类名称超过 60 个字`);
			return;
		}
		let parentId: string | null = null;
		for (const name of names) {
			const found = all.find((category) => category.parentId === parentId && category.name === name);
			if (found) {
				parentId = found._id;
				continue;
			}
			const category = createCategory(all, name, parentId, newId());
			all.push(category);
			created.push(category);
			parentId = category._id;
		}
	});
	return { created, problems };
}
