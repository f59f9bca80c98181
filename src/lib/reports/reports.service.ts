// 统计报表 for the screens: the scopes one may pick, and a QA report read from the server's `reports` views for a
// period and the one before (two sets of grouped key-range reads), kept in this browser with its time so the
// screen offline shows the last figures it had, and says when they are from.
import { QA_DB } from '$lib/db/catalog';
import { cacheFigures, readCachedFigures } from '$lib/db/figure-cache';
import { Repository } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import { qaFigures, type Stats, type ViewRow } from './qa-figures';
import { readQaRows, scopeKeys, type RangeRead } from './qa-queries';
import { datesOf, previousPeriod, type ReportPeriod } from './report-periods';
import type { CountAndAverage, QaFigures, QaReport, ReportScope } from './report-types';

export interface ScopeChoice {
	id: string;
	label: string;
	scope: ReportScope;
}

/** 全省, each sub-platform and the province's own calls, each team, each agent: from the profiles and the list. */
export async function reportScopes(userName: string): Promise<ScopeChoice[]> {
	const [profiles, subPlatforms] = await Promise.all([
		new Repository(userName, 'profile').all(),
		new Repository(userName, 'subPlatform').all()
	]);
	const agents = profiles.filter((profile) => profile.roles.includes('agent'));
	const teams = new Map<string, string[]>();
	for (const agent of agents)
		if (agent.team) teams.set(agent.team, [...(teams.get(agent.team) ?? []), agent.userName]);
	return [
		{ id: 'province', label: '全省', scope: { kind: 'province' } },
		{ id: 'sub:province', label: '省本级', scope: { kind: 'sub', code: 'province', name: '省本级' } },
		...subPlatforms
			.filter((sub) => !sub.retired)
			.sort((a, b) => a.order - b.order)
			.map((sub) => ({
				id: `sub:${sub.code}`,
				label: `分平台：${sub.name}`,
				scope: { kind: 'sub' as const, code: sub.code, name: sub.name }
			})),
		...[...teams]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([team, members]) => ({
				id: `team:${team}`,
				label: `班组：${team}`,
				scope: { kind: 'team' as const, team, agents: members.sort() }
			})),
		...agents
			.sort((a, b) => a.userName.localeCompare(b.userName))
			.map((agent) => ({
				id: `agent:${agent.userName}`,
				label: `坐席：${agent.displayName}（${agent.userName}）`,
				scope: { kind: 'agent' as const, name: agent.userName, displayName: agent.displayName }
			}))
	];
}

function serverRead(query: RangeRead): Promise<ViewRow<unknown[]>[]> {
	return readServerView<unknown[], Stats>(syncBaseUrl(), qaServerDatabase(), query.view, {
		startkey: query.startkey,
		endkey: query.endkey,
		group_level: query.group_level
	});
}

/** Inspectors and agents shown by their display names (the user name stays the key, as in the views). */
function withDisplayNames(figures: QaFigures, names: ReadonlyMap<string, string>): QaFigures {
	const named = (rows: CountAndAverage[]) =>
		rows.map((row) => (names.has(row.name) ? { ...row, label: names.get(row.name)! } : row));
	return { ...figures, byInspector: named(figures.byInspector), byAgent: named(figures.byAgent) };
}

export interface LoadedReport {
	report: QaReport;
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
		const [cards, profiles] = await Promise.all([
			new Repository(userName, 'scorecard').all(),
			new Repository(userName, 'profile').all()
		]);
		const scorecards = new Map(cards.map((card) => [card._id, card]));
		const names = new Map(profiles.map((profile) => [profile.userName, profile.displayName]));
		const previous = previousPeriod(period);
		const [current, before] = await Promise.all(
			[period, previous].map(async (range) =>
				withDisplayNames(
					qaFigures(await readQaRows(choice.scope, range, serverRead), passMark, datesOf(range), scorecards),
					names
				)
			)
		);
		const report: QaReport = {
			period,
			previous,
			scope: choice.scope,
			scopeLabel: choice.label,
			computedAt: nowIso(),
			current: current!,
			before: before!
		};
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
