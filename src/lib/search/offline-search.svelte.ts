// One offline search index per signed-in user, shared by every screen that searches (the agents' screen,
// the editors' duplicate guard), so moving between screens never restarts the worker or reloads the index.
import { SEARCH_INDEX_DB } from '$lib/db/catalog';
import { EDITORIAL_ROLES } from '$lib/db/replication-plan';
import { syncBaseUrl } from '$lib/session/session.service';
import { failure, type Result } from '$lib/result';
import { SearchClient, type SearchIndexState } from './search-client';
import type { SearchHit, SearchOptions } from './search-types';
import { searchEntries, startSearchIndex, type SearchIndexSession } from './search-index.service';

export interface SearchingUser {
	name: string;
	roles: readonly string[];
}

export class OfflineSearch {
	/** null until a screen asks for the index. */
	state = $state.raw<SearchIndexState | null>(null);
	error = $state('');
	ready = $derived(this.state?.phase === 'ready');
	requested = $derived(this.state !== null);

	#userName: string | null = null;
	#client: SearchClient | null = null;
	#started: SearchIndexSession | null = null;
	#lastSyncPhase = '';

	/**
	 * Starts (or keeps) the index for this user once the first sync has settled (`syncPhase` is the sync
	 * manager's overall state) or while kb's first copy runs (`copyingKnowledge`), whose pages it indexes as
	 * they land: replicating 10⁵ entries change by change while indexing makes both slower on a 2-core PC.
	 */
	startAfterSync(user: SearchingUser, syncPhase: string, copyingKnowledge = false): void {
		this.#lastSyncPhase = syncPhase;
		if (copyingKnowledge || ['synced', 'offline', 'signed-out', 'error'].includes(syncPhase))
			this.ensureStarted(user);
		this.#settleWhenSynced();
	}

	/** Once the first sync has settled, an index the server shipped is reconciled with the local copy. */
	#settleWhenSynced(): void {
		if (this.#lastSyncPhase === 'synced' && this.#client?.state.shippedPending) void this.#started?.settle();
	}

	ensureStarted({ name: userName, roles }: SearchingUser): void {
		if (this.#userName === userName && this.#client) return;
		void this.stop();
		const client = new SearchClient();
		this.#userName = userName;
		this.#client = client;
		this.error = '';
		client.subscribe((state) => {
			if (this.#client === client) this.state = state;
		});
		// Editors' browsers hold the entries: their index is made from them.
		const indexEntries = roles.some((role) => (EDITORIAL_ROLES as readonly string[]).includes(role));
		void startSearchIndex(userName, client, indexEntries, `${syncBaseUrl()}/${SEARCH_INDEX_DB}`).then(
			(started) => {
				if (this.#client !== client) {
					if (started.ok) void started.value.stop();
					return;
				}
				if (started.ok) {
					this.#started = started.value;
					this.#settleWhenSynced();
				} else this.error = started.error;
			}
		);
	}

	async search(query: string, options: SearchOptions = {}): Promise<Result<SearchHit[]>> {
		if (!this.#client || !this.ready) return failure('离线检索索引尚未就绪');
		return searchEntries(this.#client, query, options);
	}

	/** On sign-out or a change of user: save the index and end the worker. */
	async stop(): Promise<void> {
		const started = this.#started;
		const client = this.#client;
		this.#client = null;
		this.#started = null;
		this.#userName = null;
		this.state = null;
		// Still catching up: closing the worker abandons the build (the stored index stays as it was).
		if (started) await started.stop();
		else client?.close();
	}
}

export const offlineSearch = new OfflineSearch();
