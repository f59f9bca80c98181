// The province editors' browsers leave entries' version history and publications on the server
// (replication-plan.ts, 10⁵ entries): a screen or a step that needs some of them brings them in first.
import { KNOWLEDGE_DB } from '$lib/db/catalog';
import { knowledgeServerDatabase, leavesOnServer } from '$lib/db/server-databases';
import { copyFromServer, copyPrefixFromServer } from '$lib/db/server-documents';
import { ServerUnreachable } from '$lib/db/server-views';
import { syncBaseUrl } from '$lib/session/session.service';

/**
 * Brings the versions of entry:<key> from the server when this browser leaves them there; false when the
 * server cannot be reached (the versions held here are then all there is to show).
 */
export async function fetchEntryVersions(userName: string, entryKey: string): Promise<boolean> {
	if (!leavesOnServer(KNOWLEDGE_DB, 'entryVersion')) return true;
	try {
		const base = syncBaseUrl();
		await copyPrefixFromServer(
			userName,
			KNOWLEDGE_DB,
			base,
			knowledgeServerDatabase(),
			`entryVersion:${entryKey}:`
		);
		return true;
	} catch (error) {
		if (error instanceof ServerUnreachable) return false;
		throw error;
	}
}

/**
 * Brings the server's current revisions of these documents of the type, so a write descends from them and
 * makes no conflict. Throws ServerUnreachable offline: writing on a stale revision would make one.
 */
export async function fetchCurrentFromServer(userName: string, type: string, ids: string[]): Promise<void> {
	if (!leavesOnServer(KNOWLEDGE_DB, type)) return;
	await copyFromServer(userName, KNOWLEDGE_DB, syncBaseUrl(), knowledgeServerDatabase(), ids);
}
