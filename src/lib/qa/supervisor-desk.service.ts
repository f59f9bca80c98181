// 班长工作台: the programme at a glance for a supervisor — each active plan's latest draw and how far it is
// scored, overdue calls by inspector, appeals waiting for a ruling, and the week's red-line failures (from the
// server's view, or this browser's results when offline).
import type {
	Appeal,
	CalibrationSession,
	CoachingTask,
	SampleDraw,
	SamplingPlan
} from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { BEIJING_OFFSET_MS } from '$lib/time';
import { assignedCalls, coverageBy, type CoverageRow } from './sampling/coverage';
import { periodContaining, rangeInstants, type DateRange } from './sampling/plan-periods';
import { scoredCallsOfDraws } from './worklist.service';

export interface PlanProgress {
	plan: Stored<SamplingPlan>;
	draw: Stored<SampleDraw> | null;
	total: CoverageRow | null;
	/** Overdue calls of this draw by inspector, most first. */
	overdueBy: Array<{ inspector: string; overdue: number }>;
}

export interface RedLineFailure {
	evaluationId: string;
	recordingId: string;
	agentName: string;
	inspector: string;
	criteria: string[];
	submittedAt: string;
}

export interface CalibrationProgressRow {
	session: Stored<CalibrationSession>;
	/** Calls × inspectors submitted, out of expected. */
	submitted: number;
	expected: number;
}

export interface SupervisorDesk {
	plans: PlanProgress[];
	/** Calibration sessions still open, and those closed but not yet copied in by the server. */
	calibrations: CalibrationProgressRow[];
	appeals: Stored<Appeal>[];
	/** Open coaching tasks due within three days or overdue, soonest first. */
	coachingDue: Stored<CoachingTask>[];
	week: DateRange;
	redLines: RedLineFailure[];
	/** The figures came from the server (everyone's work), not from this browser's copy. */
	fromServer: boolean;
}

async function redLinesOf(
	userName: string,
	week: DateRange
): Promise<{ failures: RedLineFailure[]; fromServer: boolean }> {
	const { start, end } = rangeInstants(week);
	try {
		const rows = await readServerView<[string, string], Omit<RedLineFailure, 'evaluationId' | 'submittedAt'>>(
			syncBaseUrl(),
			qaServerDatabase(),
			'sampling/red-lines-by-submission',
			{ startkey: [start], endkey: [end] }
		);
		return {
			failures: rows.map((row) => ({ ...row.value, evaluationId: row.key[1], submittedAt: row.key[0] })),
			fromServer: true
		};
	} catch (error) {
		if (!(error instanceof ServerUnreachable)) throw error;
		const evaluations = await new Repository(userName, 'evaluation').all();
		return {
			failures: evaluations
				.filter(
					(evaluation) =>
						evaluation.status !== 'draft' &&
						evaluation.submittedAt &&
						evaluation.submittedAt >= start &&
						evaluation.submittedAt < end
				)
				.flatMap((evaluation) => {
					const criteria = evaluation.scores
						.filter((score) => score.redLineFailed)
						.map((score) => score.criterionKey);
					return criteria.length
						? [
								{
									evaluationId: evaluation._id,
									recordingId: evaluation.recordingId,
									agentName: evaluation.agentName,
									inspector: evaluation.inspector,
									criteria,
									submittedAt: evaluation.submittedAt!
								}
							]
						: [];
				}),
			fromServer: false
		};
	}
}

export async function loadSupervisorDesk(
	userName: string,
	now = new Date()
): Promise<Result<SupervisorDesk>> {
	try {
		const today = new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
		const [plans, draws, appeals, coaching, sessions, progress] = await Promise.all([
			new Repository(userName, 'samplingPlan').all(),
			new Repository(userName, 'sampleDraw').all(),
			new Repository(userName, 'appeal').all(),
			new Repository(userName, 'coachingTask').all(),
			new Repository(userName, 'calibrationSession').all(),
			new Repository(userName, 'calibrationProgress').all()
		]);
		const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
		const active = plans.filter((plan) => plan.active);
		const latest = active.map((plan) => ({
			plan,
			draw:
				draws
					.filter((draw) => draw.planId === plan._id)
					.sort((a, b) => b.period.from.localeCompare(a.period.from))[0] ?? null
		}));
		const shown = latest.flatMap(({ draw }) => (draw ? [draw] : []));
		const { scored, fromServer } = await scoredCallsOfDraws(userName, shown);
		const week = periodContaining({ kind: 'weekly', weekday: 1 }, today);
		const redLines = await redLinesOf(userName, week);
		return success({
			plans: latest.map(({ plan, draw }) => {
				if (!draw) return { plan, draw, total: null, overdueBy: [] };
				const byInspector = coverageBy(assignedCalls([draw]), scored, 'inspector', today);

				return {
					plan,
					draw,
					total: byInspector.total,
					overdueBy: byInspector.rows
						.filter((row) => row.overdue > 0)
						.map((row) => ({ inspector: row.key, overdue: row.overdue }))
						.sort((a, b) => b.overdue - a.overdue)
				};
			}),
			calibrations: sessions
				.filter((session) => session.status === 'open' || !session.revealedAt)
				.sort((a, b) => a.due.localeCompare(b.due))
				.map((session) => ({
					session,
					expected: session.calls.length * session.inspectors.length,
					submitted: progress
						.filter((note) => note.sessionId === session._id && session.inspectors.includes(note.inspector))
						.reduce((sum, note) => sum + note.submitted.length, 0)
				})),
			appeals: appeals
				.filter((appeal) => appeal.status === 'open')
				.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
			coachingDue: coaching
				.filter((task) => task.status === 'open' && task.due <= soon)
				.sort((a, b) => a.due.localeCompare(b.due)),
			week,
			redLines: redLines.failures.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)),
			fromServer: fromServer && redLines.fromServer
		});
	} catch (error) {
		return failure(explainFailure(error, '读取班长工作台'));
	}
}
