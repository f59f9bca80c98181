// Which server database this browser reads on demand (calls, their audio, entries' history), as its sync plan decides: the
// province's for province staff, a sub-platform's own (cityqa-, cityaudio-<code>) for a city's. The sync
// manager records the plan here when it starts; screens read it without depending on the sync machinery.
import { cityAudioDatabaseName, KNOWLEDGE_DB, QA_AUDIO_DB, QA_DB } from './catalog';
import type { ReplicationPlan } from './replication-plan';

const CITY_QA_PREFIX = 'cityqa-';
let writableRemotes = new Map<string, string>();
let leftOnServer = new Map<string, readonly string[]>();

/** The server database each local copy pushes to (the one pulled from when it only pulls). */
export function rememberServerDatabases(plans: ReplicationPlan[]): void {
	const remotes = new Map<string, string>();
	for (const plan of plans) if (plan.push || !remotes.has(plan.local)) remotes.set(plan.local, plan.remote);
	writableRemotes = remotes;
	leftOnServer = new Map(
		plans.flatMap((plan) => (plan.leftOnServer ? [[plan.local, plan.leftOnServer]] : []))
	);
}

/** Whether this browser's copy leaves documents of the type on the server, to be read there when needed. */
export function leavesOnServer(local: string, type: string): boolean {
	return leftOnServer.get(local)?.includes(type) ?? false;
}

/** Where an editor's kb writes: the province's kb or a city's desk (agents' pub has no history to read). */
export function knowledgeServerDatabase(): string {
	return writableRemotes.get(KNOWLEDGE_DB) ?? KNOWLEDGE_DB;
}

export function qaServerDatabase(): string {
	return writableRemotes.get(QA_DB) ?? QA_DB;
}

/** Audio lives beside its calls: a city's inspectors upload to and play from their city's audio database. */
export function audioServerDatabase(): string {
	const calls = qaServerDatabase();
	return calls.startsWith(CITY_QA_PREFIX)
		? cityAudioDatabaseName(calls.slice(CITY_QA_PREFIX.length))
		: QA_AUDIO_DB;
}
