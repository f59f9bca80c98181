// What each role's browser replicates, and with which server database: the working set of the person, never
// a database they may not read. Local names stay the same for everyone (kb, feedback, …) so screens and
// services need not know who is signed in; the server database behind a local one depends on the roles.
import {
	agentFeedbackDatabaseName,
	agentQaDatabaseName,
	FEEDBACK_DB,
	KNOWLEDGE_DB,
	PUBLISHED_DB,
	QA_DB,
	type Role
} from './catalog';
import { BEIJING_OFFSET_MS, beijingToday } from '$lib/time';

export interface ReplicationPlan {
	/** The local database (<user>$<local>). */
	local: string;
	/** The server database it replicates with. */
	remote: string;
	/** Whether local writes go to the server (a pull-only copy never writes). */
	push: boolean;
	/**
	 * Only these documents are pulled: the person's own data, or a bounded window of a database they may read
	 * in full. A selector bounds what a browser holds; it is not a security boundary (the database is).
	 */
	pullSelector?: Record<string, unknown>;
}

const EDITORIAL: Role[] = ['editor', 'reviewer', 'admin'];
const FEEDBACK_ITEMS = ['searchMiss', 'correction', 'knowledgeQuestion'];

/** The first moment (UTC ISO) of the Beijing month before `today`'s: where a browser's recent history starts. */
export function recentHistoryStart(today: string): string {
	const [year, month] = today.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, month - 2, 1) - BEIJING_OFFSET_MS).toISOString();
}

/**
 * The editors' feedback: every open item, what was handled since the start of last month, and the editors'
 * decisions on suggestions. Never the search logs: their figures come from the server's views.
 */
function feedbackWorkingSet(historyStart: string): Record<string, unknown> {
	return {
		$or: [
			{ type: 'suggestionDecision' },
			{ type: { $in: FEEDBACK_ITEMS }, status: { $ne: 'closed' } },
			{ type: { $in: FEEDBACK_ITEMS }, updatedAt: { $gte: historyStart } }
		]
	};
}

export function replicationPlan(
	userName: string,
	roles: Role[],
	today: string = beijingToday()
): ReplicationPlan[] {
	const has = (wanted: Role[]) => wanted.some((role) => roles.includes(role));
	const plans: ReplicationPlan[] = [];
	// Editors work on the whole knowledge base; everyone else reads what is published (pub), which the server
	// copies from kb: no drafts, revisions in review or version history.
	plans.push(
		has(EDITORIAL)
			? { local: KNOWLEDGE_DB, remote: KNOWLEDGE_DB, push: true }
			: { local: KNOWLEDGE_DB, remote: PUBLISHED_DB, push: false }
	);
	if (has([...EDITORIAL, 'supervisor']))
		plans.push({
			local: FEEDBACK_DB,
			remote: FEEDBACK_DB,
			push: true,
			pullSelector: feedbackWorkingSet(recentHistoryStart(today))
		});
	else if (roles.includes('agent'))
		// The agent's own reports and search logs; the logs go up and are never pulled back.
		plans.push({
			local: FEEDBACK_DB,
			remote: agentFeedbackDatabaseName(userName),
			push: true,
			pullSelector: { type: { $ne: 'searchLog' } }
		});
	if (has(['inspector', 'supervisor', 'admin'])) plans.push({ local: QA_DB, remote: QA_DB, push: true });
	if (roles.includes('agent')) {
		const own = agentQaDatabaseName(userName);
		plans.push({ local: own, remote: own, push: true });
	}
	return plans;
}
