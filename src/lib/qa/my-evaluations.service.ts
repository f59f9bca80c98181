// An agent's own QA results, read from the database only that agent may read (the server copies submitted
// evaluations there); acknowledgements and appeals are written there and carried back to the inspectors.
import { agentQaDatabaseName } from '$lib/db/catalog';
import type { Acknowledgement, Appeal, Evaluation, Scorecard } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { acknowledgementIdOf, appealIdOf } from './evaluations/evaluation-ids';

export interface MyEvaluation {
	evaluation: Stored<Evaluation>;
	scorecard: Stored<Scorecard> | null;
	acknowledgement: Stored<Acknowledgement> | null;
	appeal: Stored<Appeal> | null;
}

function repository<T extends 'evaluation' | 'scorecard' | 'acknowledgement' | 'appeal'>(
	user: string,
	type: T
) {
	return new Repository(user, type, agentQaDatabaseName(user));
}

export async function listMyEvaluations(userName: string): Promise<Result<MyEvaluation[]>> {
	try {
		const [evaluations, scorecards, acknowledgements, appeals] = await Promise.all([
			repository(userName, 'evaluation').all(),
			repository(userName, 'scorecard').all(),
			repository(userName, 'acknowledgement').all(),
			repository(userName, 'appeal').all()
		]);
		const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((doc) => [doc._id, doc]));
		const scorecardById = byId(scorecards);
		const acknowledgementById = byId(acknowledgements);
		const appealById = byId(appeals);
		return success(
			evaluations
				.filter((evaluation) => evaluation.agentName === userName && evaluation.status !== 'draft')
				.map((evaluation) => ({
					evaluation,
					scorecard: scorecardById.get(evaluation.scorecardId) ?? null,
					acknowledgement: acknowledgementById.get(acknowledgementIdOf(evaluation._id)) ?? null,
					appeal: appealById.get(appealIdOf(evaluation._id)) ?? null
				}))
				.sort((a, b) => ((a.evaluation.submittedAt ?? '') < (b.evaluation.submittedAt ?? '') ? 1 : -1))
		);
	} catch (error) {
		return failure(explainFailure(error, '读取质检结果'));
	}
}

/** The evaluation answered: its sub-platform goes with the answer, to that city's inspectors. */
type Answered = Pick<Evaluation, '_id' | 'subPlatform'>;

export async function acknowledgeEvaluation(userName: string, evaluation: Answered): Promise<Result<void>> {
	try {
		await repository(userName, 'acknowledgement').save({
			_id: acknowledgementIdOf(evaluation._id),
			type: 'acknowledgement',
			evaluationId: evaluation._id,
			agentName: userName,
			...(evaluation.subPlatform ? { subPlatform: evaluation.subPlatform } : {}),
			acknowledgedAt: nowIso()
		});
		return success(undefined);
	} catch (error) {
		return failure(explainFailure(error, '确认'));
	}
}

export async function appealEvaluation(
	userName: string,
	evaluation: Answered,
	reason: string
): Promise<Result<void>> {
	if (!reason.trim()) return failure('请写明申诉理由');
	try {
		await repository(userName, 'appeal').save({
			_id: appealIdOf(evaluation._id),
			type: 'appeal',
			evaluationId: evaluation._id,
			agentName: userName,
			...(evaluation.subPlatform ? { subPlatform: evaluation.subPlatform } : {}),
			reason: reason.trim(),
			status: 'open',
			createdAt: nowIso()
		});
		return success(undefined);
	} catch (error) {
		return failure(explainFailure(error, '提交申诉'));
	}
}
