// 签发: a supervisor freezes the report on the screen as an issued snapshot (reports database): its figures,
// the definitions they were computed by, who issued it and when, and its deadline, never changed after
// (server-enforced). The list of issued reports and 分析报告及时率 are read from the snapshots.
import type { IssuedReport } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { beijingToday, nowIso } from '$lib/time';
import { QA_DEFINITIONS } from './qa-figures';
import { reportDeadline, timelinessOf, type Timeliness } from './report-deadlines';
import type { PeriodKind } from './report-periods';
import { KNOWLEDGE_DEFINITIONS } from './knowledge-figures';
import { isKnowledgeReport, type AnyReport } from './report-types';

/** The province's reports are what 分析报告及时率 counts: a team's or an agent's are extra, not due. */
export const TIMELINESS_SCOPE = 'province';
const TIMELINESS_KINDS: Array<Exclude<PeriodKind, 'range'>> = ['week', 'month', 'quarter', 'half', 'year'];
/** How many due periods of each kind the rate covers: a year of weeks and months, two years of the rest. */
const COUNTED: Record<Exclude<PeriodKind, 'range'>, number> = {
	day: 30,
	week: 52,
	month: 12,
	quarter: 8,
	half: 4,
	year: 2
};

export async function issueReport(
	userName: string,
	report: AnyReport,
	scopeId: string,
	note = ''
): Promise<Result<Stored<IssuedReport>>> {
	const issuedAt = nowIso();
	try {
		return success(
			await new Repository(userName, 'issuedReport').save({
				_id: `issuedReport:${report.period.code}:${encodeURIComponent(scopeId)}:${isKnowledgeReport(report) ? 'knowledge:' : ''}${crypto.randomUUID().slice(0, 8)}`,
				type: 'issuedReport',
				kind: isKnowledgeReport(report) ? 'knowledge' : 'qa',
				periodKind: report.period.kind,
				periodCode: report.period.code,
				periodFrom: report.period.from,
				periodTo: report.period.to,
				scopeId,
				scopeLabel: report.scopeLabel,
				// A knowledge report has no pass mark: 0 says so, as the schema wants a number.
				passMark: isKnowledgeReport(report) ? 0 : report.current.passMark,
				figures: report as unknown as Record<string, unknown>,
				definitions: isKnowledgeReport(report) ? KNOWLEDGE_DEFINITIONS : QA_DEFINITIONS,
				issuedBy: userName,
				issuedAt,
				deadline: reportDeadline(report.period.kind, report.period),
				...(note.trim() ? { note: note.trim() } : {})
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '签发报表'));
	}
}

export async function listIssuedReports(userName: string): Promise<Result<Stored<IssuedReport>[]>> {
	try {
		const issued = await new Repository(userName, 'issuedReport').all();
		return success(issued.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)));
	} catch (error) {
		return failure(explainFailure(error, '读取已签发的报表'));
	}
}

export async function getIssuedReport(userName: string, id: string): Promise<Stored<IssuedReport> | null> {
	return new Repository(userName, 'issuedReport').get(id);
}

/** 分析报告及时率 of each period kind, from the province's issued reports (a period counts once, whichever report). */
export function reportTimeliness(issued: IssuedReport[], today = beijingToday()): Timeliness[] {
	const province = issued.filter((report) => report.scopeId === TIMELINESS_SCOPE);
	return TIMELINESS_KINDS.map((kind) =>
		timelinessOf(
			kind,
			province.filter((report) => report.periodKind === kind),
			today,
			COUNTED[kind]
		)
	);
}
