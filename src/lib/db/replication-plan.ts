// What each role's browser replicates, and with which server database: the working set of the person, never
// a database they may not read. Local names stay the same for everyone (kb, feedback, …) so screens and
// services need not know who is signed in; the server database behind a local one depends on the roles.
import {
	agentFeedbackDatabaseName,
	agentQaDatabaseName,
	calibrationDatabaseName,
	cityDeskDatabaseName,
	cityPublishedDatabaseName,
	cityQaDatabaseName,
	FEEDBACK_DB,
	KNOWLEDGE_DB,
	PUBLISHED_DB,
	QA_DB,
	REPORTS_DB,
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
	/**
	 * Only these local documents are pushed: a copy filled from two server databases (a city editor's desk
	 * and pub) would otherwise offer the desk what came from pub, which the server refuses one by one.
	 */
	pushSelector?: Record<string, unknown>;
	/**
	 * Document types a copy of a whole database leaves on the server, read there on demand: the province
	 * editors' kb holds its entries, not the version history and publications (three documents in four at
	 * 10⁵ entries; the first copy would take minutes, not seconds).
	 */
	leftOnServer?: string[];
}

/** Left on the province editors' server: version snapshots and agents' copies of entries. */
export const KNOWLEDGE_LEFT_ON_SERVER = ['entryVersion', 'publishedEntry'];

/** What the pull asks the server for: the plan's own selector, or every document but the types left there. */
export function pullSelectorOf(plan: ReplicationPlan): Record<string, unknown> | undefined {
	if (plan.pullSelector) return plan.pullSelector;
	if (!plan.leftOnServer?.length) return undefined;
	// Deletions carry no type: they must pass, or a deleted entry would stay in the browser.
	return { $or: [{ type: { $nin: plan.leftOnServer } }, { _deleted: true }] };
}

/** Roles whose browsers hold the entries themselves (kb or a city's desk), not only their publications. */
export const EDITORIAL_ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];
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

/**
 * The QA roles' working set: scorecards; evaluations (an inspector's own, a supervisor's every one) in draft
 * or changed since the start of last month; appeals open or recent; recent acknowledgements; sampling plans
 * and the recent draws. Never the calls
 * themselves: the list reads the server a page at a time and a call opened or kept for offline is copied in
 * (src/lib/qa/recording.service.ts); a province records millions a year.
 */
function qaWorkingSet(userName: string, oversees: boolean, historyStart: string): Record<string, unknown> {
	const recent = { updatedAt: { $gte: historyStart } };
	return {
		$or: [
			{ type: 'scorecard' },
			oversees
				? { type: 'evaluation', $or: [{ status: 'draft' }, recent] }
				: { type: 'evaluation', inspector: userName, $or: [{ status: 'draft' }, recent] },
			{ type: 'appeal', $or: [{ status: 'open' }, { createdAt: { $gte: historyStart } }] },
			{ type: 'acknowledgement', acknowledgedAt: { $gte: historyStart } },
			// The plans, and the draws of this month and last: the worklists. Their populations stay on the server.
			{ type: 'samplingPlan' },
			{ type: 'problemTag' },
			{ type: 'coachingTask', $or: [{ status: 'open' }, { createdAt: { $gte: historyStart } }] },
			{ type: 'coachingAck', acknowledgedAt: { $gte: historyStart } },
			{ type: 'sampleDraw', 'period.to': { $gte: historyStart.slice(0, 10) } },
			// Calibration: a few sessions a month, a few dozen scores each; the trend reads every one.
			{ type: { $in: ['calibrationSession', 'calibrationProgress', 'calibrationScore'] } }
		]
	};
}

/** Who is who: the profiles and the sub-platform list (deletions too, so a removed one goes). */
const DIRECTORY = { $or: [{ type: { $in: ['profile', 'subPlatform'] } }, { _deleted: true }] };

/** What a QA report is read with besides the server's views: a few hundred small documents. */
function analystQaSet(): Record<string, unknown> {
	return {
		type: {
			$in: ['scorecard', 'problemTag', 'calibrationSession', 'calibrationProgress', 'calibrationScore']
		}
	};
}

/** An agent's reports: open ones and those handled (or made) since the start of last month. */
function ownReports(historyStart: string): Record<string, unknown> {
	return {
		type: { $in: FEEDBACK_ITEMS },
		$or: [
			{ status: { $ne: 'closed' } },
			{ updatedAt: { $gte: historyStart } },
			{ createdAt: { $gte: historyStart } }
		]
	};
}

/**
 * @param subPlatforms the user's sub-platforms (city roles): their agents also read those cities'
 * publications, into the same local kb.
 */
export function replicationPlan(
	userName: string,
	roles: Role[],
	today: string = beijingToday(),
	subPlatforms: string[] = []
): ReplicationPlan[] {
	const has = (wanted: readonly Role[]) => wanted.some((role) => roles.includes(role));
	const plans: ReplicationPlan[] = [];
	// Admins are the province's whatever city roles they also hold.
	const city = roles.includes('admin') ? undefined : subPlatforms[0];
	// Province editors work on the whole knowledge base, a city's on its desk (its own entries, the province's
	// publications); everyone else reads what is published (pub), which the server copies from kb: no drafts,
	// revisions in review or version history.
	if (has(EDITORIAL_ROLES)) {
		plans.push({
			local: KNOWLEDGE_DB,
			remote: city ? cityDeskDatabaseName(city) : KNOWLEDGE_DB,
			push: true,
			// What city staff may write: their city's documents, their own profile, deletions.
			...(city
				? {
						pushSelector: {
							$or: [{ subPlatform: city }, { _id: `profile:${userName}` }, { _deleted: true }]
						}
					}
				: // A desk is one city's documents, small; the province's kb is 10⁵ entries and their history.
					{ leftOnServer: KNOWLEDGE_LEFT_ON_SERVER })
		});
		// The province's publications, read-only, from pub: the desk holds the city's own documents only.
		if (city) plans.push({ local: KNOWLEDGE_DB, remote: PUBLISHED_DB, push: false });
	} else if (!has(['agent', 'inspector', 'supervisor'])) {
		// An analyst searches nothing: the names a report's scopes are shown by, not 10⁵ publications.
		plans.push({ local: KNOWLEDGE_DB, remote: PUBLISHED_DB, push: false, pullSelector: DIRECTORY });
	} else {
		plans.push({ local: KNOWLEDGE_DB, remote: PUBLISHED_DB, push: false });
		// Each city's own entries come from its pub-<code>; no browser reads another city's.
		for (const code of subPlatforms)
			plans.push({ local: KNOWLEDGE_DB, remote: cityPublishedDatabaseName(code), push: false });
	}
	if (has([...EDITORIAL_ROLES, 'supervisor']))
		plans.push({
			local: FEEDBACK_DB,
			remote: FEEDBACK_DB,
			push: true,
			pullSelector: feedbackWorkingSet(recentHistoryStart(today))
		});
	else if (roles.includes('agent'))
		// The agent's own reports and search logs. The logs go up and are never pulled back; the selector
		// moves on each month, and the copy is then made again (layout-migration.ts), which drops the logs
		// already pushed: an agent's browser holds at most about two months of its own typing.
		plans.push({
			local: FEEDBACK_DB,
			remote: agentFeedbackDatabaseName(userName),
			push: true,
			pullSelector: ownReports(recentHistoryStart(today))
		});
	if (has(['inspector', 'supervisor', 'admin']))
		plans.push({
			local: QA_DB,
			// A city's inspectors work on its calls only (cityqa-<code>), the province's on all of them.
			remote: city ? cityQaDatabaseName(city) : QA_DB,
			push: true,
			pullSelector: qaWorkingSet(userName, has(['supervisor', 'admin']), recentHistoryStart(today))
		});
	// An analyst scores nothing: the report screen needs the scorecards, problem types and calibrations only.
	// (Analysts are the province's: a city's calls are in its cityqa, whose members are its QA staff.)
	else if (roles.includes('analyst') && !city)
		plans.push({ local: QA_DB, remote: QA_DB, push: false, pullSelector: analystQaSet() });
	// Issued reports: a few a week, frozen; the province's supervisors and admins issue them, analysts read them.
	if (has(['supervisor', 'admin']) && !city)
		plans.push({ local: REPORTS_DB, remote: REPORTS_DB, push: true });
	else if (roles.includes('analyst') && !city)
		plans.push({ local: REPORTS_DB, remote: REPORTS_DB, push: false });
	// Their blind calibration scores, which no one else reads until the server copies them into qa at close.
	// Calibration is the province's (sync/ddocs/lib/calibration-rules.js): a city's inspectors have none.
	if (has(['inspector', 'supervisor']) && subPlatforms.length === 0) {
		const own = calibrationDatabaseName(userName);
		plans.push({ local: own, remote: own, push: true });
	}
	if (roles.includes('agent')) {
		const own = agentQaDatabaseName(userName);
		plans.push({ local: own, remote: own, push: true });
	}
	return plans;
}
