// Knowledge entries for the screens: create, list, read. Returns results, never throws at the UI.
import type { Category, Entry } from '$lib/db/generated/documents';
import { knowledgeChanges } from '$lib/db/live-changes';
import { Repository, type Stored } from '$lib/db/repository';
import { knowledgeServerDatabase } from '$lib/db/server-databases';
import { recentOnServer } from '$lib/db/server-documents';
import { syncBaseUrl } from '$lib/session/session.service';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { categoryOptions, categoryPath, type CategoryOption } from './category-tree';
import { draftEntryFromContent } from './entry-draft';
import type { EntryContent } from './entry-content';
import {
	entrySelector,
	isReturnedTo,
	queueSelector,
	type EntryQueue,
	type QueueContext
} from './entry-query';

export type StoredEntry = Stored<Entry>;

/** A new draft from the editor's form content; with a sub-platform's code, an entry of that city. */
export async function createDraftEntry(
	userName: string,
	content: EntryContent,
	subPlatform?: string
): Promise<Result<StoredEntry>> {
	try {
		const entry = draftEntryFromContent(content, `entry:${crypto.randomUUID()}`, userName, new Date());
		return success(
			await new Repository(userName, 'entry').save(subPlatform ? { ...entry, subPlatform } : entry)
		);
	} catch (error) {
		return failure(explainFailure(error, '保存'));
	}
}

/** Standard questions of the given entries, for showing links (missing ones are simply absent). */
export async function entryTitles(userName: string, ids: string[]): Promise<Result<Map<string, string>>> {
	try {
		const entries = await new Repository(userName, 'entry').getMany(ids);
		return success(new Map(entries.map((entry) => [entry._id, entry.standardQuestion])));
	} catch (error) {
		return failure(explainFailure(error, '读取关联问题'));
	}
}

/** The entries with these ids in the given order (search hits); ids missing here are skipped. */
export async function getEntriesInOrder(userName: string, ids: string[]): Promise<Result<StoredEntry[]>> {
	try {
		const byId = new Map(
			(await new Repository(userName, 'entry').getMany(ids)).map((entry) => [entry._id, entry])
		);
		return success(ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
	} catch (error) {
		return failure(explainFailure(error, '读取检索结果'));
	}
}

/** Entries that list this one as related: a link shows on both entries. */
export async function entriesLinkingTo(userName: string, id: string): Promise<Result<StoredEntry[]>> {
	try {
		return success(
			await new Repository(userName, 'entry').recent({
				selector: { relatedEntries: { $elemMatch: { $eq: id } } } as PouchDB.Find.Selector,
				limit: 50
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '读取关联问题'));
	}
}

export interface EntryListFilter {
	status?: Entry['status'];
	/** Words that must all appear in the standard question or a similar question. */
	text?: string;
	queue?: { name: EntryQueue; context: QueueContext };
	limit: number;
}

function listSelector(filter: EntryListFilter): Record<string, unknown> {
	const conditions = [
		entrySelector(filter),
		filter.queue ? queueSelector(filter.queue.name, filter.queue.context) : {}
	];
	const present = conditions.filter((condition) => Object.keys(condition).length > 0);
	return present.length > 1 ? { $and: present } : (present[0] ?? {});
}

/** The same list read on the server; null when it cannot be reached (the local copy answers instead). */
async function listOnServer(filter: EntryListFilter): Promise<StoredEntry[] | null> {
	return recentOnServer<StoredEntry>(
		syncBaseUrl(),
		knowledgeServerDatabase(),
		{ type: 'entry', ...listSelector(filter) },
		filter.limit
	).catch(() => null);
}

/**
 * The most recently changed entries matching the filter, newest first.
 * @param fromServer read the server's (while this browser's first copy of kb is still running)
 */
export async function listEntries(
	userName: string,
	filter: EntryListFilter,
	fromServer = false
): Promise<Result<StoredEntry[]>> {
	try {
		const entries =
			(fromServer ? await listOnServer(filter) : null) ??
			(await new Repository(userName, 'entry').recent({
				selector: listSelector(filter) as PouchDB.Find.Selector,
				limit: filter.limit
			}));
		return success(filter.queue?.name === 'returned' ? entries.filter(isReturnedTo) : entries);
	} catch (error) {
		return failure(explainFailure(error, '读取知识库'));
	}
}

export async function getEntry(userName: string, id: string): Promise<Result<StoredEntry | null>> {
	try {
		return success(await new Repository(userName, 'entry').get(id));
	} catch (error) {
		return failure(explainFailure(error, '读取知识点'));
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
		return failure(explainFailure(error, '读取业务分类'));
	}
}

/** Loads the category directory now and again whenever local knowledge changes (categories arrive by sync). */
export function followCategories(
	userName: string,
	apply: (directory: CategoryDirectory) => void,
	onError: (message: string) => void = () => {}
): () => void {
	const load = async () => {
		const result = await loadCategories(userName);
		if (result.ok) apply(result.value);
		else onError(result.error);
	};
	void load();
	return knowledgeChanges(userName, () => void load());
}
