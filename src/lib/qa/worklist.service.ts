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
import { coverageBy, type Coverage, type CoverageDimension } from './sampling/coverage';

export interface ScoredCalls {
	scored: Set<string>;
	/** The answer came from the server (everyone's evaluations), not from this browser's copy. */
	fromServer: boolean;
}

/** Which of these calls have a submitted evaluation. */
export async function scoredCallIds(userName: string, recordingIds: string[]): Promise<ScoredCalls> {
	const unique = [...new Set(recordingIds)];
	if (unique.length === 0) return { scored: new Set(), fromServer: true };
	try {
		const rows = await readServerView<string, { status: string }>(
			syncBaseUrl(),
			qaServerDatabase(),
			'app/evaluations-by-recording',
			{ keys: unique }
		);
		return {
			scored: new Set(rows.filter((row) => row.value.status !== 'draft').map((row) => row.key)),
			fromServer: true
		};
	} catch (error) {
		if (!(error instanceof ServerUnreachable)) throw error;
		const wanted = new Set(unique);
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

/** The calls the draws held here give this inspector, with the state of their own evaluation of each. */
export async function myWorklists(userName: string, today: string): Promise<Result<Worklist[]>> {
	try {
		const draws = await new Repository(userName, 'sampleDraw').all();
		const lists = draws
			.map((draw) => ({ draw, mine: draw.items.filter((item) => item.inspector === userName) }))
			.filter(({ mine }) => mine.length > 0);
		const ids = lists.flatMap(({ mine }) => mine.map((item) => evaluationIdFor(item.recordingId, userName)));
		const evaluations = await new Repository(userName, 'evaluation').getMany(ids);
		const status = new Map(evaluations.map((evaluation) => [evaluation.recordingId, evaluation.status]));
		return success(
			lists
				.map(({ draw, mine }) => ({
					drawId: draw._id,
					planName: draw.planName,
					period: draw.period,
					items: mine.map((item) => {
						const state: WorkStatus = !status.has(item.recordingId)
							? 'unscored'
							: status.get(item.recordingId) === 'draft'
								? 'draft'
								: 'scored';
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
		const assigned = draws.flatMap((draw) =>
			draw.items.map((item) => ({
				callId: item.recordingId,
				inspector: item.inspector,
				agent: item.agent,
				...(item.team ? { team: item.team } : {}),
				...(item.businessType ? { businessType: item.businessType } : {}),
				...(item.subPlatform ? { subPlatform: item.subPlatform } : {}),
				due: item.due
			}))
		);
		const { scored, fromServer } = await scoredCallIds(
			userName,
			assigned.map((call) => call.callId)
		);
		return success({ coverage: coverageBy(assigned, scored, dimension, today), scored, fromServer });
	} catch (error) {
		return failure(explainFailure(error, '计算覆盖率'));
	}
}
