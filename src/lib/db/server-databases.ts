// Which server database this browser reads on demand (calls, their audio), as its sync plan decides: the
// province's for province staff, a sub-platform's own (cityqa-, cityaudio-<code>) for a city's. The sync
// manager records the plan here when it starts; screens read it without depending on the sync machinery.
import { cityAudioDatabaseName, QA_AUDIO_DB, QA_DB } from './catalog';
import type { ReplicationPlan } from './replication-plan';

const CITY_QA_PREFIX = 'cityqa-';
let writableRemotes = new Map<string, string>();

/** The server database each local copy pushes to (the one pulled from when it only pulls). */
export function rememberServerDatabases(plans: ReplicationPlan[]): void {
	const remotes = new Map<string, string>();
	for (const plan of plans) if (plan.push || !remotes.has(plan.local)) remotes.set(plan.local, plan.remote);
	writableRemotes = remotes;
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
