// 统计报表 for the screens: the scopes one may pick, and a QA report read from the server's `reports` views for a
// period and the one before (two sets of grouped key-range reads), kept in this browser with its time so the
// screen offline shows the last figures it had, and says when they are from.
import { KNOWLEDGE_DB, QA_DB, REPORTS_DB, type Role } from '$lib/db/catalog';
import type { Entry, SampleDraw } from '$lib/db/generated/documents';
import { scoredCallsOfDraws } from '$lib/qa/worklist.service';
import { readFromServer } from '$lib/db/server-documents';
import { cacheFigures, readCachedFigures } from '$lib/db/figure-cache';
import { Repository } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import { passMarkOf } from '$lib/qa/scorecards/pass-mark';
import type { Stats, ViewRow } from './qa-figures';
import { scopeKeys, type RangeRead } from './qa-queries';
import { buildQaReport, scopeChoices, type ScopeChoice } from './qa-report';
import type { ReportPeriod } from './report-periods';
import { revealedCalibrations } from '$lib/qa/calibration.service';
import type { KnowledgeReport, QaReport } from './report-types';
import { buildKnowledgeReport } from './knowledge-report';
import type { KnowledgeRead } from './knowledge-queries';

export type { ScopeChoice };

export type ReportKind = 'qa' | 'knowledge';
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
	qa: '质检报表',
	knowledge: '知识库与一线报表'
};

/**
 * The reports a person may read, as the server's databases decide: QA from qa (supervisors, admins, analysts);
 * knowledge and front line from the province's kb, feedback and searchlog (those and the reviewers).
 */
export function reportKindsFor(roles: readonly Role[], subPlatforms: readonly string[] = []): ReportKind[] {
	const kinds: ReportKind[] = [];
	const province = subPlatforms.length === 0 || roles.includes('admin');
	// A city's supervisors read their city's calls (cityqa); analysts are the province's.
	if (roles.some((role) => role === 'supervisor' || role === 'admin' || (role === 'analyst' && province)))
		kinds.push('qa');
	if (province && roles.some((role) => ['supervisor', 'admin', 'analyst', 'reviewer'].includes(role)))
		kinds.push('knowledge');
	return kinds;
}

/** 合格线 as the scorecards set it (the local copy holds every scorecard of whoever reads QA reports). */
export async function centrePassMark(userName: string): Promise<number> {
	return passMarkOf(await new Repository(userName, 'scorecard').all());
}

export async function reportScopes(userName: string): Promise<ScopeChoice[]> {
	const [profiles, subPlatforms] = await Promise.all([
		new Repository(userName, 'profile').all(),
		new Repository(userName, 'subPlatform').all()
	]);
	return scopeChoices(profiles, subPlatforms);
}

function serverRead(query: RangeRead): Promise<ViewRow<unknown[]>[]> {
	return readServerView<unknown[], Stats>(syncBaseUrl(), qaServerDatabase(), query.view, {
		startkey: query.startkey,
		endkey: query.endkey,
		// A map-only view takes no grouping (CouchDB refuses it).
		...(query.group_level > 0 ? { group_level: query.group_level } : {})
	});
}

export interface LoadedReport<R = QaReport> {
	report: R;
	/** Read from this browser's copy of earlier figures: the server could not be reached. */
	cached: boolean;
}

export async function loadQaReport(
	userName: string,
	period: ReportPeriod,
	choice: ScopeChoice,
	passMark: number
): Promise<Result<LoadedReport>> {
	const cacheKey = `report:qa:${scopeKeys(choice.scope).join(',')}:${period.code}:${passMark}`;
	try {
		const [scorecards, profiles, problemTags, calibrations] = await Promise.all([
			new Repository(userName, 'scorecard').all(),
			new Repository(userName, 'profile').all(),
			new Repository(userName, 'problemTag').all(),
			// Every session and revealed score is in the QA working set (src/lib/db/replication-plan.ts).
			revealedCalibrations(userName)
		]);
		const report = await buildQaReport(period, choice, passMark, {
			read: serverRead,
			coverage: {
				drawsEndingFrom: async (from) => {
					const rows = await readServerView<unknown[], null>(
						syncBaseUrl(),
						qaServerDatabase(),
						'reports/sample-draws',
						{
							startkey: [from],
							endkey: [{}]
						}
					);
					return readFromServer<SampleDraw>(
						syncBaseUrl(),
						qaServerDatabase(),
						rows.flatMap((row) => (row.id ? [row.id] : []))
					);
				},
				scoredCalls: async (draws) => (await scoredCallsOfDraws(userName, draws)).scored
			},
			scorecards,
			profiles,
			problemTags,
			calibrations: calibrations.ok ? calibrations.value : [],
			now: nowIso()
		});
		await cacheFigures(userName, QA_DB, cacheKey, { computedAt: report.computedAt, figures: report });
		return success({ report, cached: false });
	} catch (error) {
		if (error instanceof ServerUnreachable) {
			const cached = await readCachedFigures<QaReport>(userName, QA_DB, cacheKey);
			if (cached) return success({ report: cached.figures, cached: true });
			return failure('连不上服务器，本机也没有这份报表的历史数据：联网后再打开');
		}
		return failure(explainFailure(error, '生成报表'));
	}
}

function knowledgeRead(query: KnowledgeRead) {
	const { database, view, group_level, ...range } = query;
	return readServerView<unknown, unknown>(syncBaseUrl(), database, view, {
		...range,
		...(group_level > 0 ? { group_level } : {})
	});
}

/** 知识库与一线: read from the province's kb, feedback and searchlog views (the server decides who may). */
export async function loadKnowledgeReport(
	userName: string,
	period: ReportPeriod,
	choice: ScopeChoice
): Promise<Result<LoadedReport<KnowledgeReport>>> {
	const cacheKey = `report:knowledge:${scopeKeys(choice.scope).join(',')}:${period.code}`;
	try {
		const report = await buildKnowledgeReport(period, choice, {
			read: knowledgeRead,
			entries: (ids) => readFromServer<Entry>(syncBaseUrl(), KNOWLEDGE_DB, ids),
			now: nowIso()
		});
		await cacheFigures(userName, REPORTS_DB, cacheKey, { computedAt: report.computedAt, figures: report });
		return success({ report, cached: false });
	} catch (error) {
		if (error instanceof ServerUnreachable) {
			const cached = await readCachedFigures<KnowledgeReport>(userName, REPORTS_DB, cacheKey);
			if (cached) return success({ report: cached.figures, cached: true });
			return failure('连不上服务器，本机也没有这份报表的历史数据：联网后再打开');
		}
		return failure(explainFailure(error, '生成报表'));
	}
}
