// Writes what agents are shown (publishedEntry) in the same go as the reviewer's step that changes it, from
// the reviewer's own session. Nothing is written for anyone else: the server would refuse it, and the sync
// page would list a refused write the person can do nothing about.
import type { Role } from '$lib/db/catalog';
import type { Entry } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { fetchCurrentFromServer } from './held-on-server';
import { mayWritePublications, publicationIdOf, publicationsToWrite } from './publication';

/** The signed-in person taking a step: their roles decide whether agents' copies are theirs to write. */
export interface ActingUser {
	name: string;
	roles: readonly Role[];
}

/** Writes the publications of these entries that are missing or differ from the stored ones; returns how many. */
export async function updatePublications(
	user: ActingUser,
	entries: readonly Entry[],
	now: Date = new Date()
): Promise<number> {
	if (!mayWritePublications(user.roles) || entries.length === 0) return 0;
	const repository = new Repository(user.name, 'publishedEntry');
	const ids = entries.map((entry) => publicationIdOf(entry._id));
	// Written on the server's current revision: a province reviewer's browser does not replicate them.
	await fetchCurrentFromServer(user.name, 'publishedEntry', ids);
	const stored = await repository.getMany(ids);
	const changed = publicationsToWrite(
		entries,
		new Map(stored.map((publication) => [publication._id, publication])),
		{ by: user.name, at: now.toISOString() }
	);
	if (changed.length > 0) await repository.saveMany(changed);
	return changed.length;
}

/**
 * After a step saved `saved`: agents' copies follow. The step itself is done either way, so a failure here
 * says so rather than inviting the person to take the step again.
 */
export async function followedByPublications<T>(
	user: ActingUser,
	entries: readonly Entry[],
	saved: T,
	action: string
): Promise<Result<T>> {
	try {
		await updatePublications(user, entries);
		return success(saved);
	} catch (error) {
		if (error instanceof ServerUnreachable)
			return failure(
				`${action}已保存，但离线时无法更新话务员看到的内容。联网后请再做一次该操作（或由服务器下次启动时补齐）`
			);
		return failure(
			`${action}已保存，但${explainFailure(error, '更新话务员看到的内容')}。服务器下次启动时会自动补齐，急需时请联系管理员`
		);
	}
}
