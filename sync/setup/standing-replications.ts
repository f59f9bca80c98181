// Standing server-side replications (_replicator jobs, run with the server admin's rights, on the embedded
// server and on Apache CouchDB alike), because CouchDB has no per-document read control:
// - kb → pub: what every reader needs (and kb → pub-<code>: one sub-platform's publications) of the knowledge base (publications, categories, templates, synonyms,
//   profiles), so that agents, inspectors and supervisors never read kb's drafts and history;
// - qa ⇄ each agent's QA database: their submitted evaluations out, their acknowledgements and appeals back;
// - each agent's feedback database ⇄ feedback: their reports in, the editors' handling of them back; and →
//   searchlog: their search logs, kept apart so the fan-out back to the agents never filters them. Agents
//   read neither feedback nor searchlog, where every agent's typing lands.
import type { ServerScope } from 'nano';
import {
	agentFeedbackDatabaseName,
	agentQaDatabaseName,
	cityAudioDatabaseName,
	cityDeskDatabaseName,
	cityPublishedDatabaseName,
	cityQaDatabaseName,
	FEEDBACK_DB,
	KNOWLEDGE_DB,
	PUBLISHED_DB,
	QA_AUDIO_DB,
	QA_DB,
	SEARCH_LOG_DB
} from '../../src/lib/db/catalog';

export interface ReplicationJob {
	_id: string;
	source: string;
	target: string;
	continuous: true;
	/** PouchDB's name for continuous; the embedded server's replicator hands the document to PouchDB. */
	live: true;
	filter?: string;
	query_params?: Record<string, string>;
}

/** The database URL the server replicates with: the setup URL carries the server-admin credentials. */
export function databaseUrl(serverUrl: string, database: string): string {
	return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
}

/** A continuous job between any two database URLs (credentials in them), filtered by the source's design. */
export function replicationJob(
	_id: string,
	source: string,
	target: string,
	filter?: string,
	query_params?: Record<string, string>
): ReplicationJob {
	return {
		_id,
		source,
		target,
		continuous: true,
		live: true,
		...(filter ? { filter } : {}),
		...(query_params ? { query_params } : {})
	};
}

function job(
	serverUrl: string,
	source: string,
	target: string,
	filter?: string,
	query_params?: Record<string, string>
): ReplicationJob {
	return replicationJob(
		`${source}-to-${target}`,
		databaseUrl(serverUrl, source),
		databaseUrl(serverUrl, target),
		filter,
		query_params
	);
}

export function readerCopyJobs(serverUrl: string): ReplicationJob[] {
	return [job(serverUrl, KNOWLEDGE_DB, PUBLISHED_DB, 'app/for-readers')];
}

/**
 * One sub-platform's exchange with the province's databases: kb → pub-<code> (its publications, for its
 * agents); kb ⇄ citykb-<code> (its editors' desk: what they may read in, their city's documents out); qa ⇄
 * cityqa-<code> (scorecards and its calls in, its calls and their evaluations out); cityaudio-<code> →
 * qa-audio (its uploads, for the province's inspectors).
 */
export function cityCopyJobs(serverUrl: string, code: string): ReplicationJob[] {
	const city = { city: code };
	const desk = cityDeskDatabaseName(code);
	const calls = cityQaDatabaseName(code);
	return [
		job(serverUrl, KNOWLEDGE_DB, cityPublishedDatabaseName(code), 'app/for-city', city),
		job(serverUrl, KNOWLEDGE_DB, desk, 'app/for-city-desk', city),
		job(serverUrl, desk, KNOWLEDGE_DB, 'app/from-city-desk', city),
		job(serverUrl, QA_DB, calls, 'app/for-city', city),
		job(serverUrl, calls, QA_DB, 'app/from-city', city),
		job(serverUrl, cityAudioDatabaseName(code), QA_AUDIO_DB, 'app/audio')
	];
}

export function agentFanOutJobs(serverUrl: string, agentName: string): ReplicationJob[] {
	const qaDb = agentQaDatabaseName(agentName);
	const feedbackDb = agentFeedbackDatabaseName(agentName);
	return [
		job(serverUrl, QA_DB, qaDb, 'app/for-agent', { agent: agentName }),
		job(serverUrl, qaDb, QA_DB, 'app/agent-responses'),
		job(serverUrl, feedbackDb, FEEDBACK_DB, 'app/reports'),
		job(serverUrl, feedbackDb, SEARCH_LOG_DB, 'app/search-logs'),
		job(serverUrl, FEEDBACK_DB, feedbackDb, 'app/for-reporter', { agent: agentName })
	];
}

const SIGNATURE_FIELDS = ['source', 'target', 'continuous', 'live', 'filter', 'query_params'] as const;

/** Writes the jobs that are missing or differ (a changed server URL restarts them). */
export async function ensureReplicationJobs(
	server: ServerScope,
	jobs: ReplicationJob[],
	log: (line: string) => void
): Promise<void> {
	const replicator = server.use<Record<string, unknown>>('_replicator');
	for (const wanted of jobs) {
		let existing: Record<string, unknown> | undefined;
		try {
			existing = await replicator.get(wanted._id);
		} catch (error) {
			if ((error as { statusCode?: number }).statusCode !== 404) throw error;
		}
		const same =
			existing &&
			SIGNATURE_FIELDS.every((field) => JSON.stringify(existing[field]) === JSON.stringify(wanted[field]));
		if (same) continue;
		// A running job's document may not be edited (the embedded server's replicator refuses it): replaced
		// by deleting it, which stops the job, and writing it anew, which starts it; on Apache CouchDB too.
		if (existing) await replicator.destroy(wanted._id, existing._rev as string);
		await replicator.insert({ ...wanted });
		log(`  ${existing ? 'updated' : 'created'} replication ${wanted._id}`);
	}
}
