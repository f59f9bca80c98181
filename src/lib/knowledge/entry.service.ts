// Knowledge entries for the screens: create, list, read. Returns results, never throws at the UI.
import type { Category, Entry } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { DocumentValidationError } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { categoryOptions, categoryPath, type CategoryOption } from './category-tree';
import { checkEntryInput, newDraftEntry, type NewEntryInput } from './entry-draft';

export type StoredEntry = Stored<Entry>;

function explain(error: unknown, action: string): string {
	if (error instanceof DocumentValidationError) return `${action}失败：${error.errors.join('；')}`;
	return `${action}失败：${(error as Error).message ?? String(error)}`;
}

export async function createEntry(userName: string, input: NewEntryInput): Promise<Result<StoredEntry>> {
	const errors = Object.values(checkEntryInput(input));
	if (errors.length > 0) return failure(errors.join('；'));
	try {
		const entry = newDraftEntry(input, `entry:${crypto.randomUUID()}`, userName, new Date());
		return success(await new Repository(userName, 'entry').save(entry));
	} catch (error) {
		return failure(explain(error, '保存'));
	}
}

export async function listEntries(userName: string): Promise<Result<StoredEntry[]>> {
	try {
		const entries = await new Repository(userName, 'entry').all();
		return success(entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
	} catch (error) {
		return failure(explain(error, '读取知识库'));
	}
}

/** What agents see: published entries still in force, matched by a plain substring until the search index lands. */
export async function listPublishedEntries(userName: string, today: string): Promise<Result<StoredEntry[]>> {
	const result = await listEntries(userName);
	if (!result.ok) return result;
	return success(
		result.value.filter((entry) => entry.status === 'published' && !(entry.validTo && entry.validTo < today))
	);
}

export async function getEntry(userName: string, id: string): Promise<Result<StoredEntry | null>> {
	try {
		return success(await new Repository(userName, 'entry').get(id));
	} catch (error) {
		return failure(explain(error, '读取知识点'));
	}
}

export interface CategoryDirectory {
	options: CategoryOption[];
	pathOf(id: string): string;
}

export async function loadCategories(userName: string): Promise<Result<CategoryDirectory>> {
	try {
		const categories: Category[] = await new Repository(userName, 'category').all();
		const byId = new Map(categories.map((category) => [category._id, category]));
		return success({
			options: categoryOptions(categories),
			pathOf: (id) => categoryPath(byId, id) || '（未知分类）'
		});
	} catch (error) {
		return failure(explain(error, '读取业务分类'));
	}
}
