// Which reports a person may read: the report screen's audience (areas) who are also members of every database
// the report's views live in, as the server's _security decides (catalog), so the screen offers no report the
// server would refuse.
import {
	cityQaDatabase,
	databases,
	FEEDBACK_DB,
	KNOWLEDGE_DB,
	QA_DB,
	REPORTS_DB,
	SEARCH_LOG_DB,
	type DatabaseSpec,
	type Role
} from '$lib/db/catalog';
import { AREAS } from '$lib/session/areas';

export type ReportKind = 'qa' | 'knowledge';

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
	qa: '质检报表',
	knowledge: '知识库与一线报表'
};

/** The databases each report reads, for the province's staff and for a city's (a city has no front-line views). */
const SOURCES: Record<'province' | 'city', Record<ReportKind, DatabaseSpec[]>> = {
	province: {
		qa: [databases[QA_DB]!],
		knowledge: [databases[KNOWLEDGE_DB]!, databases[FEEDBACK_DB]!, databases[SEARCH_LOG_DB]!]
	},
	city: { qa: [cityQaDatabase], knowledge: [] }
};

const REPORT_AUDIENCE = AREAS.find((area) => area.key === 'reports')!.roles;

// Admins are the province's, whatever else they hold.
const audienceOf = (roles: readonly Role[], subPlatforms: readonly string[]) =>
	subPlatforms.length === 0 || roles.includes('admin') ? 'province' : 'city';

export function reportKindsFor(roles: readonly Role[], subPlatforms: readonly string[] = []): ReportKind[] {
	const audience = audienceOf(roles, subPlatforms);
	const readers = roles.filter((role) => REPORT_AUDIENCE.includes(role));
	return (Object.keys(REPORT_KIND_LABELS) as ReportKind[]).filter((kind) => {
		const sources = SOURCES[audience][kind];
		return (
			sources.length > 0 &&
			readers.some((role) => sources.every((source) => source.readerRoles.includes(role)))
		);
	});
}

/** The issued reports are the province's (reports is scoped to it): its supervisors, admins and analysts read them. */
export function mayReadIssuedReports(roles: readonly Role[], subPlatforms: readonly string[] = []): boolean {
	return (
		audienceOf(roles, subPlatforms) === 'province' &&
		roles.some((role) => databases[REPORTS_DB]!.readerRoles.includes(role))
	);
}

/** Issuing is the supervisors' (and admins'): sync/ddocs/reports validates the same. */
export function mayIssueReports(roles: readonly Role[], subPlatforms: readonly string[] = []): boolean {
	return (
		mayReadIssuedReports(roles, subPlatforms) &&
		roles.some((role) => role === 'supervisor' || role === 'admin')
	);
}
