// The loop from agents to editors: what agents report (查无信息, 纠错, 提问), how editors handle it, and the
// search log behind the editors' lists. Returns results, never throws at the UI.
import type { Correction, KnowledgeQuestion, SearchMiss } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { suggestionKey } from './search-insights';

export type FeedbackType = 'searchMiss' | 'correction' | 'knowledgeQuestion';
export type FeedbackItem = Stored<SearchMiss> | Stored<Correction> | Stored<KnowledgeQuestion>;

export const FEEDBACK_LABELS: Record<FeedbackType, string> = {
	searchMiss: '查无信息',
	correction: '纠错',
	knowledgeQuestion: '提问'
};

export const STATUS_LABELS: Record<FeedbackItem['status'], string> = {
	open: '待处理',
	assigned: '处理中',
	closed: '已关闭'
};

/**
 * Time first, so ids sort by when; a random part keeps two browsers from colliding; the user last, after a
 * colon (never part of a CouchDB user name): the server lets nobody else write under ids that end with it.
 */
const newId = (type: string, userName: string) =>
	`${type}:${nowIso().replace(/[:.]/g, '')}-${crypto.randomUUID().slice(0, 8)}:${userName}`;

export async function report(
	userName: string,
	type: FeedbackType,
	content: { text: string; note?: string; entryId?: string; subPlatform?: string }
): Promise<Result<FeedbackItem>> {
	const text = content.text.trim();
	if (!text) return failure(type === 'correction' ? '请写明哪里有误' : '内容不能为空');
	try {
		const doc = {
			_id: newId(type, userName),
			type,
			...(content.subPlatform ? { subPlatform: content.subPlatform } : {}),
			text,
			...(content.note?.trim() ? { note: content.note.trim() } : {}),
			...(content.entryId ? { entryId: content.entryId } : {}),
			status: 'open' as const,
			createdBy: userName,
			createdAt: nowIso()
		};
		return success((await new Repository(userName, type).save(doc as never)) as FeedbackItem);
	} catch (error) {
		return failure(explainFailure(error, '提交'));
	}
}

export async function listFeedback(userName: string, type: FeedbackType): Promise<Result<FeedbackItem[]>> {
	try {
		const items = (await new Repository(userName, type).all()) as FeedbackItem[];
		return success(items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)));
	} catch (error) {
		return failure(explainFailure(error, '读取反馈'));
	}
}

/** Everything this agent reported, newest first, with the editors' answers. */
export async function myFeedback(userName: string): Promise<Result<FeedbackItem[]>> {
	const lists = await Promise.all(
		(['searchMiss', 'correction', 'knowledgeQuestion'] as const).map((type) => listFeedback(userName, type))
	);
	const failed = lists.find((list) => !list.ok);
	if (failed && !failed.ok) return failed;
	return success(
		lists
			.flatMap((list) => (list.ok ? list.value : []))
			.filter((item) => item.createdBy === userName)
			.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
	);
}

export interface Handling {
	status: FeedbackItem['status'];
	assignee?: string;
	resolution?: string;
	resolvedByEntryId?: string;
}

export async function handleFeedback(
	userName: string,
	item: FeedbackItem,
	handling: Handling
): Promise<Result<FeedbackItem>> {
	if (handling.status === 'closed' && !handling.resolution?.trim() && !handling.resolvedByEntryId)
		return failure('关闭前请写处理结果，或选择解决它的知识点');
	try {
		const { assignee: _a, resolution: _r, resolvedByEntryId: _e, ...rest } = item;
		const doc = {
			...rest,
			status: handling.status,
			...(handling.assignee ? { assignee: handling.assignee } : {}),
			...(handling.resolution?.trim() ? { resolution: handling.resolution.trim() } : {}),
			...(handling.resolvedByEntryId ? { resolvedByEntryId: handling.resolvedByEntryId } : {}),
			updatedBy: userName,
			updatedAt: nowIso()
		};
		return success((await new Repository(userName, item.type).save(doc as never)) as FeedbackItem);
	} catch (error) {
		return failure(explainFailure(error, '保存'));
	}
}

export async function logSearch(
	userName: string,
	entry: { query: string; resultCount: number; openedEntryId?: string; subPlatform?: string }
): Promise<void> {
	const query = entry.query.trim().slice(0, 200);
	if (!query) return;
	await new Repository(userName, 'searchLog').save({
		_id: newId('searchLog', userName),
		type: 'searchLog',
		...(entry.subPlatform ? { subPlatform: entry.subPlatform } : {}),
		query,
		resultCount: entry.resultCount,
		...(entry.openedEntryId ? { openedEntryId: entry.openedEntryId } : {}),
		createdBy: userName,
		createdAt: nowIso()
	});
}

export async function decidedSuggestions(userName: string): Promise<Set<string>> {
	const decisions = await new Repository(userName, 'suggestionDecision').all();
	return new Set(decisions.map((decision) => suggestionKey(decision.query, decision.entryId)));
}

export async function decideSuggestion(
	userName: string,
	suggestion: { query: string; entryId: string },
	decision: 'accepted' | 'dismissed'
): Promise<Result<void>> {
	try {
		await new Repository(userName, 'suggestionDecision').save({
			_id: newId('suggestionDecision', userName),
			type: 'suggestionDecision',
			query: suggestion.query,
			entryId: suggestion.entryId,
			decision,
			createdBy: userName,
			createdAt: nowIso()
		});
		return success(undefined);
	} catch (error) {
		return failure(explainFailure(error, '保存'));
	}
}
