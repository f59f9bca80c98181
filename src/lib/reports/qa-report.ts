// A QA report from whatever reads the server's views: the browser (its session) and `npm run report` (the
// server admin's URL) build the same report from the same queries, scopes and definitions.
import type { Profile, ProblemTag, Scorecard, SubPlatform } from '$lib/db/generated/documents';
import { beijingDate } from '$lib/knowledge/exchange/china-time';
import { calibrationTrend, type CalibrationResults } from '$lib/qa/calibration/session-results';
import type { CalibrationSession } from '$lib/db/generated/documents';
import { qaFigures, type ViewRow } from './qa-figures';
import { readAgentItems, readCoachingTasks, readQaRows, type RangeRead } from './qa-queries';
import { coachingEffect, type CoachingEffect } from './coaching-effect';
import { sampleCoverage, type CoverageSources } from './sample-coverage';
import { datesOf, previousPeriod, type ReportPeriod } from './report-periods';
import type { CalibrationRow, CountAndAverage, QaFigures, QaReport, ReportScope } from './report-types';

export interface ScopeChoice {
	/** province, sub:<code>, team:<name>, agent:<name>: the link's and the CLI's `--scope`. */
	id: string;
	label: string;
	scope: ReportScope;
}

/** 全省, 省本级, each sub-platform, each team of agents, each agent. */
export function scopeChoices(profiles: Profile[], subPlatforms: SubPlatform[]): ScopeChoice[] {
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

/** Inspectors and agents shown by their display names (the user name stays the key, as in the views). */
function withDisplayNames(figures: QaFigures, names: ReadonlyMap<string, string>): QaFigures {
	const named = (rows: CountAndAverage[]) =>
		rows.map((row) => (names.has(row.name) ? { ...row, label: names.get(row.name)! } : row));
	return { ...figures, byInspector: named(figures.byInspector), byAgent: named(figures.byAgent) };
}

export interface ReportSources {
	read: (query: RangeRead) => Promise<ViewRow<unknown[]>[]>;
	scorecards: Scorecard[];
	profiles: Profile[];
	problemTags: ProblemTag[];
	/** The revealed calibration sessions with their results (a few a month; whoever reads them computes them). */
	calibrations: Array<{ session: CalibrationSession; results: CalibrationResults }>;
	/** The sampling plans' draws and their scored calls (抽检覆盖率); left out where not given. */
	coverage?: CoverageSources;
	now: string;
}

/** Sessions closed within the period, for the province's report (calibration is the province's programme). */
function calibrationsIn(
	period: ReportPeriod,
	scope: ReportScope,
	calibrations: ReportSources['calibrations']
): CalibrationRow[] {
	if (scope.kind !== 'province') return [];
	return calibrationTrend(
		calibrations.filter(({ session }) => {
			const closed = session.closedAt ? beijingDate(session.closedAt) : '';
			return closed >= period.from && closed <= period.to;
		})
	).map((point) => ({
		title: point.title,
		closedAt: point.closedAt,
		inspectors: point.inspectors,
		calls: point.calls,
		totalsAlpha: point.totalsAlpha,
		passFailKappa: point.passFailKappa,
		meanAbsoluteDeviation: point.meanAbsoluteDeviation
	}));
}

function withCoachedNames(effect: CoachingEffect, names: ReadonlyMap<string, string>): CoachingEffect {
	return {
		...effect,
		tasks: effect.tasks.map((task) =>
			names.has(task.agentName) ? { ...task, label: names.get(task.agentName)! } : task
		)
	};
}

/** The report of a period and the one before for a scope, every figure read from the views. */
export async function buildQaReport(
	period: ReportPeriod,
	choice: ScopeChoice,
	passMark: number,
	sources: ReportSources
): Promise<QaReport> {
	const scorecards = new Map(sources.scorecards.map((card) => [card._id, card]));
	const names = new Map(sources.profiles.map((profile) => [profile.userName, profile.displayName]));
	const tagNames = new Map(sources.problemTags.map((tag) => [tag.key, tag.name]));
	const previous = previousPeriod(period);
	const coached = readCoachingTasks(choice.scope, period, sources.read).then((tasks) =>
		coachingEffect(tasks, scorecards, beijingDate(sources.now), (agent, range) =>
			readAgentItems(agent, range, sources.read)
		)
	);
	const [current, before] = await Promise.all(
		[period, previous].map(async (range) =>
			withDisplayNames(
				qaFigures(
					await readQaRows(choice.scope, range, sources.read),
					passMark,
					datesOf(range),
					scorecards,
					tagNames
				),
				names
			)
		)
	);
	return {
		period,
		previous,
		scope: choice.scope,
		scopeLabel: choice.label,
		computedAt: sources.now,
		current: current!,
		before: before!,
		calibrations: calibrationsIn(period, choice.scope, sources.calibrations),
		coachingEffect: withCoachedNames(await coached, names),
		...(sources.coverage
			? { coverage: await sampleCoverage(choice.scope, period, beijingDate(sources.now), sources.coverage) }
			: {})
	};
}
