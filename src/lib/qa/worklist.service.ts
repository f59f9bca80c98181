// 待评 and 覆盖率: an inspector's calls from the draws held here, and how far each draw is scored. A call counts
// as scored once any submitted evaluation of it exists; the server's view says so for every inspector's work,
// and this browser's copy stands in when the server cannot be reached.
import type { SampleDraw } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { evaluationIdFor } from './evaluations/evaluation-draft';
import { assignedCalls, coverageBy, type Coverage, type CoverageDimension } from './sampling/coverage';
import { scoredCallsIn } from './sampling/scored-calls';

export interface ScoredCalls {
	scored: Set<string>;
	/** The answer came from the server (everyone's evaluations), not from this browser's copy. */
	fromServer: boolean;
}

/** Which calls of these draws have a submitted evaluation: one range read of the server's view per period. */
export async function scoredCallsOfDraws(
	userName: string,
	draws: ReadonlyArray<Pick<SampleDraw, 'period' | 'items'>>
): Promise<ScoredCalls> {
	if (draws.length === 0) return { scored: new Set(), fromServer: true };
	try {
		const base = syncBaseUrl();
		const database = qaServerDatabase();
		const scored = await scoredCallsIn(
			draws.map((draw) => draw.period),
			(start, end) =>
				readServerView<[string, string], number>(base, database, 'sampling/evaluations-by-call-start', {
					startkey: [start],
					endkey: [end]
				})
		);
		return { scored, fromServer: true };
	} catch (error) {
		if (!(error instanceof ServerUnreachable)) throw error;
		const wanted = new Set(draws.flatMap((draw) => draw.items.map((item) => item.recordingId)));
		const evaluations = await new Repository(userName, 'evaluation').all();
		return {
			scored: new Set(
				evaluations
					.filter((evaluation) => evaluation.status !== 'draft' && wanted.has(evaluation.recordingId))
					.map((evaluation) => evaluation.recordingId)
			),
			fromServer: false
		};
	}
}

export type WorkStatus = 'unscored' | 'draft' | 'scored';

export interface WorkItem {
	recordingId: string;
	agent: string;
	businessType?: string;
	due: string;
	reason: SampleDraw['items'][number]['reason'];
	status: WorkStatus;
	overdue: boolean;
}

export interface Worklist {
	drawId: string;
	planName: string;
	period: SampleDraw['period'];
	items: WorkItem[];
}

/**
 * The calls the draws held here give this inspector, with the state of their own evaluation of each; a call
 * anyone has scored is done.
 */
export async function myWorklists(userName: string, today: string): Promise<Result<Worklist[]>> {
	try {
		const draws = await new Repository(userName, 'sampleDraw').all();
		const lists = draws
			.map((draw) => ({ draw, mine: draw.items.filter((item) => item.inspector === userName) }))
			.filter(({ mine }) => mine.length > 0);
		const ids = lists.flatMap(({ mine }) => mine.map((item) => evaluationIdFor(item.recordingId, userName)));
		const evaluations = await new Repository(userName, 'evaluation').getMany(ids);
		const status = new Map(evaluations.map((evaluation) => [evaluation.recordingId, evaluation.status]));
		// A call another inspector scored meanwhile (after a reassignment, or in a calibration) is done.
		const { scored } = await scoredCallsOfDraws(
			userName,
			lists.map(({ draw }) => draw)
		);
		return success(
			lists
				.map(({ draw, mine }) => ({
					drawId: draw._id,
					planName: draw.planName,
					period: draw.period,
					items: mine.map((item) => {
						const own = status.get(item.recordingId);
						const state: WorkStatus =
							(own && own !== 'draft') || scored.has(item.recordingId)
								? 'scored'
								: own === 'draft'
									? 'draft'
									: 'unscored';
						return {
							recordingId: item.recordingId,
							agent: item.agent,
							...(item.businessType ? { businessType: item.businessType } : {}),
							due: item.due,
							reason: item.reason,
							status: state,
							overdue: state !== 'scored' && item.due < today
						};
					})
				}))
				.sort((a, b) => b.period.from.localeCompare(a.period.from))
		);
	} catch (error) {
		return failure(explainFailure(error, '读取待评清单'));
	}
}

export interface DrawCoverage extends ScoredCalls {
	coverage: Coverage;
}

/** How far the draws are scored, grouped by one dimension (a plan's period, or a month of its periods). */
export async function drawCoverage(
	userName: string,
	draws: SampleDraw[],
	dimension: CoverageDimension,
	today: string
): Promise<Result<DrawCoverage>> {
	try {
		const assigned = assignedCalls(draws);
		const { scored, fromServer } = await scoredCallsOfDraws(userName, draws);
		return success({ coverage: coverageBy(assigned, scored, dimension, today), scored, fromServer });
	} catch (error) {
		return failure(explainFailure(error, '计算覆盖率'));
	}
}
