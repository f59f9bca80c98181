// The review workflow as pure steps: each takes an entry and returns the next one (the server checks the same rules).
import type { Entry, EntryVersion } from '$lib/db/generated/documents';
import { entryContent, type EntryContent } from '../entry-content';

export type WorkflowAction =
	| 'create'
	| 'edit'
	| 'submit'
	| 'withdraw'
	| 'reject'
	| 'publish'
	| 'archive'
	| 'republish'
	| 'review'
	| 'restore'
	| 'discard'
	| 'merge'
	| 'import';

export const ACTION_LABELS: Record<WorkflowAction, string> = {
	create: '创建',
	edit: '编辑',
	submit: '提交审核',
	withdraw: '撤回',
	reject: '退回',
	publish: '发布',
	archive: '下线',
	republish: '重新上线',
	review: '确认内容有效',
	restore: '恢复旧版本',
	discard: '放弃修订稿',
	merge: '合并冲突',
	import: '导入'
};

export class WorkflowError extends Error {}

export interface Actor {
	userName: string;
	now: Date;
}

type Revision = NonNullable<Entry['revision']>;

/** The version editors are working on: the pending revision of a published entry, or the entry itself. */
export function workingContent(entry: Entry): EntryContent {
	return entryContent(entry.revision ?? entry);
}

/** Where the entry stands for the person looking at it: the revision's state wins while there is one. */
export function workingStatus(entry: Entry): Entry['status'] {
	return entry.revision ? entry.revision.status : entry.status;
}

function stamp(entry: Entry, actor: Actor, action: WorkflowAction, comment?: string): Entry {
	const at = actor.now.toISOString();
	const event = { action, by: actor.userName, at, ...(comment ? { comment } : {}) };
	return { ...entry, updatedBy: actor.userName, updatedAt: at, history: [...entry.history, event] };
}

/** Autosave calls this often: one 'edit' event per stretch of editing by the same person, not one per keystroke. */
function stampEdit(entry: Entry, actor: Actor): Entry {
	const last = entry.history.at(-1);
	if (last && last.action === 'edit' && last.by === actor.userName) {
		return { ...entry, updatedBy: actor.userName, updatedAt: actor.now.toISOString() };
	}
	return stamp(entry, actor, 'edit');
}

function newRevision(entry: Entry, content: EntryContent, actor: Actor): Revision {
	const at = actor.now.toISOString();
	return {
		...content,
		status: 'draft',
		baseVersion: entry.version,
		createdBy: actor.userName,
		createdAt: at,
		updatedBy: actor.userName,
		updatedAt: at
	};
}

/** Saves what the editor typed: into the draft itself, or into a revision when the entry is published. */
export function saveContent(entry: Entry, content: EntryContent, actor: Actor): Entry {
	if (entry.status === 'published') {
		const revision = entry.revision;
		if (revision?.status === 'inReview') throw new WorkflowError('修订稿正在审核中，请先撤回再修改');
		const next: Revision = revision
			? { ...revision, ...content, updatedBy: actor.userName, updatedAt: actor.now.toISOString() }
			: newRevision(entry, content, actor);
		return stampEdit({ ...entry, revision: next }, actor);
	}
	if (entry.status !== 'draft')
		throw new WorkflowError(`${entry.status === 'inReview' ? '待审核' : '已下线'}的知识点不能直接修改`);
	return stampEdit({ ...entry, ...content }, actor);
}

export function submitForReview(entry: Entry, actor: Actor): Entry {
	if (entry.revision?.status === 'draft') {
		return stamp({ ...entry, revision: { ...entry.revision, status: 'inReview' } }, actor, 'submit');
	}
	if (entry.status !== 'draft') throw new WorkflowError('只有草稿可以提交审核');
	return stamp({ ...entry, status: 'inReview' }, actor, 'submit');
}

export function withdraw(entry: Entry, actor: Actor): Entry {
	if (entry.revision?.status === 'inReview') {
		return stamp({ ...entry, revision: { ...entry.revision, status: 'draft' } }, actor, 'withdraw');
	}
	if (entry.status !== 'inReview') throw new WorkflowError('只有待审核的知识点可以撤回');
	return stamp({ ...entry, status: 'draft' }, actor, 'withdraw');
}

export function reject(entry: Entry, comment: string, actor: Actor): Entry {
	if (!comment.trim()) throw new WorkflowError('请填写退回意见');
	if (entry.revision?.status === 'inReview') {
		return stamp(
			{ ...entry, revision: { ...entry.revision, status: 'draft' } },
			actor,
			'reject',
			comment.trim()
		);
	}
	if (entry.status !== 'inReview') throw new WorkflowError('只有待审核的知识点可以退回');
	return stamp({ ...entry, status: 'draft' }, actor, 'reject', comment.trim());
}

export interface Publication {
	entry: Entry;
	/** The snapshot of the version now published, to keep in the version history. */
	version: EntryVersion;
}

export function versionSnapshot(entry: Entry, publishedBy: string, publishedAt: string): EntryVersion {
	return {
		_id: `entryVersion:${entry._id.slice('entry:'.length)}:${entry.version}`,
		type: 'entryVersion',
		entryId: entry._id,
		version: entry.version,
		publishedBy,
		publishedAt,
		...(entry.subPlatform ? { subPlatform: entry.subPlatform } : {}),
		...entryContent(entry)
	};
}

/** Approves a submission: a first publication, or a revision that replaces the published content as version + 1. */
export function approve(entry: Entry, actor: Actor, comment?: string): Publication {
	const at = actor.now.toISOString();
	const published = {
		publishedAt: at,
		publishedBy: actor.userName,
		lastReviewedAt: at,
		reviewer: actor.userName
	};
	let next: Entry;
	if (entry.revision?.status === 'inReview') {
		const { revision, ...rest } = entry;
		next = { ...rest, ...entryContent(revision), ...published, version: entry.version + 1 };
	} else if (entry.status === 'inReview') {
		next = { ...entry, ...published, status: 'published' };
	} else {
		throw new WorkflowError('没有待审核的内容');
	}
	next = stamp(next, actor, 'publish', comment?.trim() || undefined);
	return { entry: next, version: versionSnapshot(next, actor.userName, at) };
}

export function archive(entry: Entry, actor: Actor, comment?: string): Entry {
	if (entry.status !== 'published') throw new WorkflowError('只有已发布的知识点可以下线');
	return stamp({ ...entry, status: 'archived' }, actor, 'archive', comment?.trim() || undefined);
}

export function republish(entry: Entry, actor: Actor): Entry {
	if (entry.status !== 'archived') throw new WorkflowError('只有已下线的知识点可以重新上线');
	const at = actor.now.toISOString();
	return stamp(
		{ ...entry, status: 'published', publishedAt: at, publishedBy: actor.userName },
		actor,
		'republish'
	);
}

/** 确认有效: the content was checked and is still right, which restarts the staleness clock. */
export function markReviewed(entry: Entry, actor: Actor): Entry {
	if (entry.status !== 'published') throw new WorkflowError('只有已发布的知识点需要确认');
	return stamp({ ...entry, lastReviewedAt: actor.now.toISOString() }, actor, 'review');
}

/** Drops a pending revision; the published content stays as it is. */
export function discardRevision(entry: Entry, actor: Actor): Entry {
	if (!entry.revision) throw new WorkflowError('没有修订稿');
	const { revision: _dropped, ...rest } = entry;
	return stamp(rest, actor, 'discard');
}

/** An old published version becomes the content being edited again (a new draft or revision). */
export function restoreVersion(entry: Entry, snapshot: EntryVersion, actor: Actor): Entry {
	const restored = saveContent(entry, entryContent(snapshot), actor);
	return stamp(restored, actor, 'restore', `恢复第 ${snapshot.version} 版`);
}
