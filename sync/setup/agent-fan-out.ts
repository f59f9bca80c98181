// Agents read only their own evaluations: CouchDB has no per-document read control, so the server itself
// replicates each agent's share of qa into a database only that agent may read, and carries the agent's
// acknowledgements and appeals back. Both are standing _replicator jobs, so Apache CouchDB runs them the
// same way as the embedded server.
import type { ServerScope } from 'nano';
import { agentQaDatabaseName, QA_DB } from '../../src/lib/db/catalog';

interface ReplicationJob {
	_id: string;
	source: string;
	target: string;
	continuous: true;
	/** PouchDB's name for continuous; the embedded server's replicator hands the document to PouchDB. */
	live: true;
	filter: string;
	query_params?: Record<string, string>;
}

/** The database URL the server replicates with: the setup URL carries the server-admin credentials. */
function databaseUrl(serverUrl: string, database: string): string {
	return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
}

export function agentFanOutJobs(serverUrl: string, agentName: string): ReplicationJob[] {
	const agentDb = agentQaDatabaseName(agentName);
	return [
		{
			_id: `qa-to-${agentDb}`,
			source: databaseUrl(serverUrl, QA_DB),
			target: databaseUrl(serverUrl, agentDb),
			continuous: true,
			live: true,
			filter: 'app/for-agent',
			query_params: { agent: agentName }
		},
		{
			_id: `${agentDb}-to-qa`,
			source: databaseUrl(serverUrl, agentDb),
			target: databaseUrl(serverUrl, QA_DB),
			continuous: true,
			live: true,
			filter: 'app/agent-responses'
		}
	];
}

const SIGNATURE_FIELDS = ['source', 'target', 'continuous', 'live', 'filter', 'query_params'] as const;

/** Writes the jobs that are missing or differ (a changed server URL restarts them). */
export async function ensureAgentFanOut(
	server: ServerScope,
	serverUrl: string,
	agentName: string,
	log: (line: string) => void
): Promise<void> {
	const replicator = server.use<Record<string, unknown>>('_replicator');
	for (const job of agentFanOutJobs(serverUrl, agentName)) {
		let existing: Record<string, unknown> | undefined;
		try {
			existing = await replicator.get(job._id);
		} catch (error) {
			if ((error as { statusCode?: number }).statusCode !== 404) throw error;
		}
		const same =
			existing &&
			SIGNATURE_FIELDS.every((field) => JSON.stringify(existing[field]) === JSON.stringify(job[field]));
		if (same) continue;
		await replicator.insert({ ...job, ...(existing ? { _rev: existing._rev as string } : {}) });
		log(`  ${existing ? 'updated' : 'created'} replication ${job._id}`);
	}
}
