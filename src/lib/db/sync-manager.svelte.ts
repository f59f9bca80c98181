// Live two-way replication of every database the user may read, with retry and backoff, and the state the
// header shows: 已同步 / 同步中 N / 离线 / 出错, unpushed local changes, refused writes and conflicts.
import PouchDB from 'pouchdb-browser';
import { nowIso } from '$lib/time';
import { knownConflicts, recheckConflicts, scanAllConflicts, type ConflictRecord } from './conflict-tracker';
import { copyIntoEmptyDatabase } from './initial-copy';
import { announceCopiedPage, suspendLiveChanges, type CopiedPage } from './live-changes';
import { prepareLocalDatabase } from './layout-migration';
import { openLocalDatabase, type LocalDatabase } from './local-databases';
import { pullSelectorOf, type ReplicationPlan } from './replication-plan';
import { rememberServerDatabases } from './server-databases';
import { countUnpushed, markPushed, onUnpushedCountChange } from './unpushed-changes';

/** signed-out: the server no longer knows this browser's session; local work goes on and waits for a sign-in. */
export type SyncState = 'synced' | 'syncing' | 'offline' | 'signed-out' | 'error' | 'stopped';

export interface RefusedWrite {
	id: string;
	reason: string;
}

export interface DatabaseSyncStatus {
	database: string;
	/** The server database it replicates with (a city agent's kb has two: pub and pub-<code>). */
	remote: string;
	state: SyncState;
	/** Documents still to transfer in the current batch, as PouchDB reports it. */
	pending: number;
	unpushed: number;
	error: string | null;
	refused: RefusedWrite[];
	conflicts: ConflictRecord[];
	lastSyncedAt: string | null;
	docsRead: number;
	/** Documents on the server and here, for the first sync's progress. */
	remoteDocCount: number | null;
	localDocCount: number;
}

const MAX_BACKOFF_MS = 60_000;
/** Retry soon after a failure, then double the wait up to a minute: a flaky government network recovers on its own. */
export function nextBackoff(delay: number): number {
	return delay === 0 ? 1000 : Math.min(delay * 2, MAX_BACKOFF_MS);
}

interface ReplicationError {
	status?: number;
	name?: string;
	reason?: string;
	message?: string;
	id?: string;
}

function describeError(error: ReplicationError): { state: SyncState; message: string } {
	if (!error.status || error.name === 'TypeError' || error.status === 0) {
		return { state: 'offline', message: '无法连接同步服务器' };
	}
	if (error.status === 401) return { state: 'signed-out', message: '登录已过期，请重新登录后继续同步' };
	if (error.status === 403)
		return { state: 'error', message: `服务器拒绝: ${error.reason ?? error.message ?? ''}` };
	return { state: 'error', message: `同步出错 (${error.status}): ${error.reason ?? error.message ?? ''}` };
}

export class SyncManager {
	statuses = $state<DatabaseSyncStatus[]>([]);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	/** One word for the header: the worst state among the databases. */
	overall = $derived.by((): SyncState => {
		if (this.statuses.length === 0) return 'stopped';
		const states = this.statuses.map((status) => status.state);
		if (states.includes('signed-out')) return 'signed-out';
		if (states.includes('error')) return 'error';
		if (!this.online || states.includes('offline')) return 'offline';
		if (states.includes('syncing')) return 'syncing';
		return 'synced';
	});
	unpushed = $derived(this.statuses.reduce((sum, status) => sum + status.unpushed, 0));
	pending = $derived(this.statuses.reduce((sum, status) => sum + status.pending + status.unpushed, 0));
	conflicts = $derived(
		this.statuses.flatMap((status) => status.conflicts.map((c) => ({ ...c, database: status.database })))
	);
	errors = $derived(
		this.statuses.flatMap((status) => (status.error ? [`${status.database}: ${status.error}`] : []))
	);

	#handles: PouchDB.Replication.Replication<object>[] = [];
	#stopListening: Array<() => void> = [];
	#startedWith: [string, ReplicationPlan[], string] | null = null;
	/** Local databases whose first copy is running (initial-copy.ts). */
	copying = $state<string[]>([]);

	/** Bumped by stop(), so a first copy still running knows it has been cancelled. */
	#generation = 0;

	/** Starts (or restarts) replication of the plan (replication-plan.ts); with `unlessRunning`, leaves
	 * replication already running for the same user and plan alone (a restart would interrupt a first copy). */
	async start(
		userName: string,
		plans: ReplicationPlan[],
		remoteBase: string,
		{ unlessRunning = false } = {}
	): Promise<void> {
		const requested = JSON.stringify([userName, plans, remoteBase]);
		if (unlessRunning && this.#startedWith && JSON.stringify(this.#startedWith) === requested) return;
		await this.stop();
		const generation = this.#generation;
		rememberServerDatabases(plans);
		this.#startedWith = [userName, plans, remoteBase];
		this.statuses = plans.map((plan) => ({
			database: plan.local,
			remote: plan.remote,
			state: 'syncing',
			pending: 0,
			unpushed: 0,
			error: null,
			refused: [],
			conflicts: [],
			lastSyncedAt: null,
			docsRead: 0,
			remoteDocCount: null,
			localDocCount: 0
		}));
		this.#listenToNetwork();
		this.#stopListening.push(
			onUnpushedCountChange((db, count) => {
				const status = this.#statusFor(db, userName);
				if (status) status.unpushed = count;
			})
		);
		// Several plans may fill one local copy (a city agent's kb from pub and pub-<code>): it is prepared once,
		// and the later ones replicate after the first one's first copy, which wants the copy to itself.
		const firstCopies: Record<string, Promise<void>> = {};
		for (const [index, plan] of plans.entries()) {
			const status = this.statuses[index]!;
			const first = firstCopies[plan.local];
			// A local copy of a database this user may no longer read keeps only their own documents.
			if (!first)
				await prepareLocalDatabase(
					userName,
					plans.filter((each) => each.local === plan.local)
				);
			if (this.#generation !== generation) return;
			const local = openLocalDatabase(userName, plan.local);
			status.unpushed = await countUnpushed(local);
			status.conflicts = await knownConflicts(local);
			const remote = new PouchDB(`${remoteBase}/${plan.remote}`, { skip_setup: true });
			const screens = {
				suspend: () => suspendLiveChanges(userName, plan.local),
				announcePage: (page: CopiedPage) => announceCopiedPage(userName, plan.local, page)
			};
			if (first)
				void first.then(() => {
					if (this.#generation === generation) this.#replicate(local, remote, plan, status);
				});
			else
				firstCopies[plan.local] = this.#copyThenReplicate(local, remote, plan, status, generation, screens);
			void this.#measureProgress(local, pullSelectorOf(plan) ? null : remote, status);
		}
	}

	/** A fresh device first copies large databases in pages (initial-copy.ts), then replicates live. */
	async #copyThenReplicate(
		local: LocalDatabase,
		remote: PouchDB.Database,
		plan: ReplicationPlan,
		status: DatabaseSyncStatus,
		generation: number,
		screens: { suspend: () => () => void; announcePage: (page: CopiedPage) => void }
	) {
		const cancelled = () => this.#generation !== generation;
		// A filtered pull is the person's own data, small: plain replication, which applies the filter.
		if (plan.pullSelector) return this.#replicate(local, remote, plan, status);
		try {
			const replicatedIds = await copyIntoEmptyDatabase(
				local,
				remote,
				{
					onProgress: ({ copied, total }) => {
						status.remoteDocCount = total;
						status.localDocCount = copied;
						status.pending = total - copied;
					},
					isCancelled: cancelled,
					onCopyStart: () => {
						const resume = screens.suspend();
						this.copying = [...this.copying, plan.local];
						return () => {
							resume();
							this.copying = this.copying.filter((local) => local !== plan.local);
						};
					},
					onPageWritten: screens.announcePage
				},
				{
					leftOnServer: plan.leftOnServer,
					pullSelector: pullSelectorOf(plan),
					pushSelector: plan.pushSelector
				}
			);
			if (replicatedIds?.length) status.conflicts = await recheckConflicts(local, replicatedIds);
		} catch {
			// Offline or refused: live replication brings the rest (rechecking what was copied) and reports why.
		}
		if (!cancelled()) this.#replicate(local, remote, plan, status);
	}

	async stop(): Promise<void> {
		this.#generation++;
		for (const handle of this.#handles) handle.cancel();
		this.#handles = [];
		for (const stop of this.#stopListening) stop();
		this.#stopListening = [];
		this.statuses = [];
		this.#startedWith = null;
	}

	async rescanConflicts(userName: string): Promise<void> {
		for (const status of this.statuses) {
			status.conflicts = await scanAllConflicts(openLocalDatabase(userName, status.database));
		}
	}

	/** How far the pull has come: what the server holds against what has arrived. */
	async #measureProgress(local: LocalDatabase, remote: PouchDB.Database | null, status: DatabaseSyncStatus) {
		try {
			if (remote) status.remoteDocCount = (await remote.info()).doc_count;
			status.localDocCount = (await local.info()).doc_count;
			if (status.remoteDocCount !== null && status.state === 'syncing') {
				status.pending = Math.max(0, status.remoteDocCount - status.localDocCount);
			}
		} catch {
			// Unreachable server: the replication's own events report it.
		}
	}

	#statusFor(db: LocalDatabase, userName: string): DatabaseSyncStatus | undefined {
		return this.statuses.find((status) => openLocalDatabase(userName, status.database) === db);
	}

	#listenToNetwork() {
		const update = () => {
			const cameBack = !this.online && navigator.onLine;
			this.online = navigator.onLine;
			// Back online: start over at once instead of waiting out a backoff of up to a minute.
			if (cameBack && this.#startedWith) void this.start(...this.#startedWith);
		};
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		this.#stopListening.push(() => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		});
		update();
	}

	// One replication per direction rather than local.sync(): sync() reports "paused" as soon as the push
	// idles if the pull has not yet reported anything (its first batch emits no "active"), so a browser
	// would show 已同步 before its first pull; it also drops the error a retrying replication pauses with.
	#replicate(
		local: LocalDatabase,
		remote: PouchDB.Database,
		plan: ReplicationPlan,
		status: DatabaseSyncStatus
	) {
		const options = {
			live: true,
			retry: true,
			batch_size: 500,
			batches_limit: 4,
			back_off_function: nextBackoff
		};
		const pullSelector = pullSelectorOf(plan);
		const pull = local.replicate.from(remote, {
			...options,
			...(pullSelector ? { selector: pullSelector } : {})
		});
		// A pull-only copy (pub) never writes: its push would only ask the server about nothing.
		const push = plan.push
			? local.replicate.to(remote, {
					...options,
					...(plan.pushSelector ? { selector: plan.pushSelector } : {})
				})
			: null;
		const idle = { pull: false, push: !push };
		const watch = (direction: 'pull' | 'push', handle: PouchDB.Replication.Replication<object>) => {
			handle.on('active', () => {
				idle[direction] = false;
				status.state = 'syncing';
			});
			handle.on('paused', (error?: ReplicationError) => {
				if (direction === 'pull') status.pending = 0;
				if (error) {
					idle[direction] = false;
					const described = describeError(error);
					status.state = described.state;
					status.error = described.message;
					return;
				}
				idle[direction] = true;
				if (!idle.pull || !idle.push) return;
				status.state = 'synced';
				status.error = null;
				status.lastSyncedAt = nowIso();
				void this.#measureProgress(local, pullSelector ? null : remote, status);
			});
			handle.on('error', (error: ReplicationError) => {
				const described = describeError(error);
				status.state = described.state;
				status.error = described.message;
			});
		};
		watch('pull', pull);
		if (push) watch('push', push);
		pull.on('change', (change) => {
			idle.pull = false;
			status.state = 'syncing';
			status.error = null;
			status.docsRead = change.docs_read;
			void this.#measureProgress(local, null, status);
			void recheckConflicts(
				local,
				change.docs.map((doc) => doc._id)
			).then((conflicts) => (status.conflicts = conflicts));
		});
		this.#handles.push(pull);
		if (!push) return;
		push.on('change', (change) => {
			idle.push = false;
			status.state = 'syncing';
			status.error = null;
			void markPushed(local, change.docs as Array<{ _id: string; _rev?: string }>);
		});
		push.on('denied', (error: ReplicationError) => {
			const id = error.id ?? '未知文档';
			const reason = error.reason ?? error.message ?? '服务器拒绝了这条修改';
			status.refused = [...status.refused.filter((refused) => refused.id !== id), { id, reason }];
		});
		this.#handles.push(push);
	}
}

export const syncManager = new SyncManager();
