// 抽检覆盖率 in a report: of the calls the sampling plans drew for periods that overlap the report's, how many
// are scored (any submitted evaluation of the call), how many are overdue, by inspector — the coverage the
// plans page and the supervisor's desk show (qa/sampling/coverage.ts), for the report's scope.
import type { SampleDraw } from '$lib/db/generated/documents';
import { assignedCalls, coverageBy, type AssignedCall, type CoverageRow } from '$lib/qa/sampling/coverage';
import type { DateRange } from '$lib/qa/sampling/plan-periods';
import type { ReportScope } from './report-types';

export interface SampleCoverage {
	/** Draws counted (their periods overlap the report's). */
	draws: number;
	total: CoverageRow;
	byInspector: CoverageRow[];
}

export interface CoverageSources {
	/** The draws whose period ends on or after `from` (the view sample-draws), as stored. */
	drawsEndingFrom: (from: string) => Promise<SampleDraw[]>;
	/** Which of these draws' calls have a submitted evaluation. */
	scoredCalls: (draws: SampleDraw[]) => Promise<ReadonlySet<string>>;
}

function inScope(scope: ReportScope, call: AssignedCall): boolean {
	if (scope.kind === 'province') return true;
	if (scope.kind === 'sub') return (call.subPlatform ?? 'province') === scope.code;
	if (scope.kind === 'agent') return call.agent === scope.name;
	return scope.agents.includes(call.agent);
}

export async function sampleCoverage(
	scope: ReportScope,
	period: DateRange,
	today: string,
	sources: CoverageSources
): Promise<SampleCoverage> {
	const draws = (await sources.drawsEndingFrom(period.from)).filter((draw) => draw.period.from <= period.to);
	const scored = await sources.scoredCalls(draws);
	const calls = assignedCalls(draws).filter((call) => inScope(scope, call));
	const coverage = coverageBy(calls, scored, 'inspector', today);
	return { draws: draws.length, total: coverage.total, byInspector: coverage.rows };
}
