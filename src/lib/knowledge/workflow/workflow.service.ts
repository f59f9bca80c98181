// Review, publishing, versions and conflicts as the screens use them. Returns results, never throws at the UI.
// A step that changes what agents see (publish, archive, republish, a merge of a published entry) writes the
// entry's publication in the same go, from a reviewer's session (see publication.service.ts).
import type { Entry, EntryVersion } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import type { EntryContent } from '../entry-content';
import { mergeConflict, type ConflictPicks } from '../rules/conflict-merge';
import * as workflow from './entry-workflow';
import { WorkflowError, type Actor } from './entry-workflow';
import { fetchCurrentFromServer, fetchEntryVersions } from './held-on-server';
import { mayWritePublications } from './publication';
import { followedByPublications, type ActingUser } from './publication.service';

type StoredEntry = Stored<Entry>;

function explain(error: unknown, action: string): string {
	if (error instanceof WorkflowError) return error.message;
	if ((error as { status?: number }).status === 409)
		return `${action}失败：这个知识点刚被别人修改过，请刷新后再试`;
	return explainFailure(error, action);
}

const actorOf = (userName: string): Actor => ({ userName, now: new Date() });

async function loadEntry(userName: string, id: string): Promise<StoredEntry> {
	const entry = await new Repository(userName, 'entry').get(id);
	if (!entry) throw new WorkflowError('没有找到这个知识点，它可能还没有同步到本机');
	return entry;
}

/** Applies one workflow step to the latest local revision of the entry and saves it. */
async function step(
	userName: string,
	id: string,
	action: string,
	change: (entry: Entry, actor: Actor) => Entry
): Promise<Result<StoredEntry>> {
	try {
		const entry = await loadEntry(userName, id);
		return success(
			await new Repository(userName, 'entry').save({ ...change(entry, actorOf(userName)), _rev: entry._rev })
		);
	} catch (error) {
		return failure(explain(error, action));
	}
}

/** A step that changes what agents see: the reviewer's publication follows the saved entry. */
async function publishingStep(
	user: ActingUser,
	id: string,
	action: string,
	change: (entry: Entry, actor: Actor) => Entry
): Promise<Result<StoredEntry>> {
	const saved = await step(user.name, id, action, change);
	return saved.ok ? followedByPublications(user, [saved.value], saved.value, action) : saved;
}

export const saveEntryContent = (userName: string, id: string, content: EntryContent) =>
	step(userName, id, '保存', (entry, actor) => workflow.saveContent(entry, content, actor));
export const submitEntry = (userName: string, id: string) =>
	step(userName, id, '提交审核', workflow.submitForReview);
export const withdrawEntry = (userName: string, id: string) => step(userName, id, '撤回', workflow.withdraw);
export const rejectEntry = (userName: string, id: string, comment: string) =>
	step(userName, id, '退回', (entry, actor) => workflow.reject(entry, comment, actor));
export const archiveEntry = (user: ActingUser, id: string, comment?: string) =>
	publishingStep(user, id, '下线', (entry, actor) => workflow.archive(entry, actor, comment));
export const republishEntry = (user: ActingUser, id: string) =>
	publishingStep(user, id, '重新上线', workflow.republish);
export const markEntryReviewed = (userName: string, id: string) =>
	step(userName, id, '确认', workflow.markReviewed);
export const discardEntryRevision = (userName: string, id: string) =>
	step(userName, id, '放弃修订稿', workflow.discardRevision);

/**
 * Publishes the submission; the new version, and the one it replaces if never kept, go to the version
 * history, and agents' copy becomes the new version.
 */
export async function approveEntry(
	user: ActingUser,
	id: string,
	comment?: string
): Promise<Result<StoredEntry>> {
	const userName = user.name;
	let saved: StoredEntry;
	try {
		const entry = await loadEntry(userName, id);
		const { entry: published, version } = workflow.approve(entry, actorOf(userName), comment);
		const versions = new Repository(userName, 'entryVersion');
		const snapshots: EntryVersion[] = [version];
		if (entry.status === 'published') {
			const previous = workflow.versionSnapshot(
				entry,
				entry.publishedBy ?? entry.updatedBy,
				entry.publishedAt ?? entry.updatedAt
			);
			// Entries imported as published have no snapshot of their first version yet. Offline the one on the
			// server is unknown: the same snapshot written twice has the same revision (PouchDB's are content hashes).
			await fetchCurrentFromServer(userName, 'entryVersion', [previous._id]).catch(() => undefined);
			if (!(await versions.get(previous._id))) snapshots.push(previous);
		}
		saved = await new Repository(userName, 'entry').save({ ...published, _rev: entry._rev });
		await versions.saveMany(snapshots);
	} catch (error) {
		return failure(explain(error, '发布'));
	}
	return followedByPublications(user, [saved], saved, '发布');
}

export interface EntryVersionList {
	versions: EntryVersion[];
	/** False offline when the browser leaves history on the server: only the versions held here are listed. */
	complete: boolean;
}

export async function listEntryVersions(
	userName: string,
	entryId: string
): Promise<Result<EntryVersionList>> {
	try {
		const key = entryId.slice('entry:'.length);
		const complete = await fetchEntryVersions(userName, key);
		const versions = await new Repository(userName, 'entryVersion').withIdPrefix(`entryVersion:${key}:`);
		return success({ versions: versions.sort((a, b) => b.version - a.version), complete });
	} catch (error) {
		return failure(explain(error, '读取版本历史'));
	}
}

export async function restoreEntryVersion(userName: string, entryId: string, version: EntryVersion) {
	return step(userName, entryId, '恢复旧版本', (entry, actor) =>
		workflow.restoreVersion(entry, version, actor)
	);
}

export interface EntryConflict {
	current: StoredEntry;
	conflicting: StoredEntry[];
}

export async function getEntryConflict(userName: string, id: string): Promise<Result<EntryConflict | null>> {
	try {
		const found = await new Repository(userName, 'entry').withConflicts(id);
		return success(found && found.conflicting.length > 0 ? found : null);
	} catch (error) {
		return failure(explain(error, '读取冲突'));
	}
}

/** Saves the person's merge over the current revision and retires the conflicting one: nothing is dropped unseen. */
export async function resolveEntryConflict(
	user: ActingUser,
	conflict: { current: StoredEntry; theirs: StoredEntry },
	picks: ConflictPicks
): Promise<Result<StoredEntry>> {
	const { current, theirs } = conflict;
	const isReviewer = mayWritePublications(user.roles);
	const merged = mergeConflict(current, theirs, picks, user.name, new Date());
	// The server accepts only appended history: the current revision's events stay first.
	const known = new Set(current.history.map((event) => JSON.stringify(event)));
	merged.history = [
		...current.history,
		...merged.history.filter((event) => !known.has(JSON.stringify(event)))
	];
	const reviewerOnly = current.status !== 'draft' || merged.status !== current.status;
	if (reviewerOnly && !isReviewer) return failure('这个知识点已提交审核或已发布，冲突需要审核人合并');
	const saved = await saveResolution(user.name, merged, current._rev, theirs._rev);
	// A merge of a published entry may change what agents see; a draft's has no publication to write.
	return saved.ok ? followedByPublications(user, [saved.value], saved.value, '合并') : saved;
}

async function saveResolution(
	userName: string,
	merged: Entry,
	currentRev: string,
	losingRev: string
): Promise<Result<StoredEntry>> {
	try {
		return success(
			await new Repository(userName, 'entry').resolveConflict({ ...merged, _rev: currentRev }, [losingRev])
		);
	} catch (error) {
		return failure(explain(error, '保存合并结果'));
	}
}
