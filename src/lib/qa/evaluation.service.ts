// Scoring one call: the inspector's own evaluation (saved as a draft on every change, so nothing typed is
// lost), submitted once every item is decided; what other inspectors and the agent have said about it.
import type { Acknowledgement, Appeal, Evaluation, Scorecard } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { evaluationIdFor, newEvaluation } from './evaluations/evaluation-draft';
import type { RecordingBundle } from './recording.service';
import { submissionProblems } from './scoring/evaluation-checks';
import { scoreEvaluation } from './scoring/score-evaluation';
import { acknowledgementIdOf, appealIdOf } from './evaluations/evaluation-ids';
import { scoreChanges, withScoreHistory } from './evaluations/score-history';
import { appealDeadline } from './appeals/appeal-deadline';

export interface EvaluationDesk {
	/** This inspector's evaluation of the call, if one was started. */
	mine: Stored<Evaluation> | null;
	/** Other inspectors' submitted evaluations of the same call (calibration). */
	others: Stored<Evaluation>[];
	acknowledgement: Stored<Acknowledgement> | null;
	appeal: Stored<Appeal> | null;
}

export async function loadEvaluationDesk(
	userName: string,
	recordingId: string
): Promise<Result<EvaluationDesk>> {
	try {
		const callKey = recordingId.slice('recording:'.length);
		const all = await new Repository(userName, 'evaluation').withIdPrefix(`evaluation:${callKey}.`);
		const mine = all.find((evaluation) => evaluation._id === evaluationIdFor(recordingId, userName)) ?? null;
		const others = all.filter((evaluation) => evaluation !== mine && evaluation.status !== 'draft');
		const subject = mine && mine.status !== 'draft' ? mine : (others[0] ?? null);
		const [acknowledgement, appeal] = subject
			? await Promise.all([
					new Repository(userName, 'acknowledgement').get(acknowledgementIdOf(subject._id)),
					new Repository(userName, 'appeal').get(appealIdOf(subject._id))
				])
			: [null, null];
		return success({ mine, others, acknowledgement, appeal });
	} catch (error) {
		return failure(explainFailure(error, '读取质检单'));
	}
}

export function startEvaluation(userName: string, bundle: RecordingBundle, scorecard: Scorecard): Evaluation {
	return newEvaluation(bundle.recording, scorecard, userName, nowIso());
}

// Saves of one evaluation are chained, so a slow save never lands after a newer one.
let queue: Promise<unknown> = Promise.resolve();

// The server refuses any change to a submitted evaluation but a supervisor's re-score; a write here would only
// strand a local revision that never syncs (submitted meanwhile on another PC, or a second click on 提交).
const ALREADY_SUBMITTED = '这份质检单已经提交，不能再修改。请刷新页面查看提交的结果；如需改分，请联系班长。';

export function saveEvaluationDraft(
	userName: string,
	evaluation: Evaluation,
	scorecard: Scorecard
): Promise<Result<Stored<Evaluation>>> {
	const save = async (): Promise<Result<Stored<Evaluation>>> => {
		try {
			const repository = new Repository(userName, 'evaluation');
			const stored = await repository.get(evaluation._id);
			if (stored && stored.status !== 'draft') return failure(ALREADY_SUBMITTED);
			const total = scoreEvaluation(scorecard, evaluation.scores).total;
			return success(
				await repository.save({
					...evaluation,
					...(stored ? { _rev: stored._rev } : {}),
					total,
					updatedAt: nowIso()
				} as Evaluation)
			);
		} catch (error) {
			return failure(explainFailure(error, '保存草稿'));
		}
	};
	const next = queue.then(save, save);
	queue = next;
	return next;
}

export async function submitEvaluation(
	userName: string,
	evaluation: Evaluation,
	scorecard: Scorecard
): Promise<Result<Stored<Evaluation>>> {
	const problems = submissionProblems(scorecard, evaluation.scores);
	if (problems.length > 0)
		return failure(`还不能提交：${problems.map((problem) => problem.message).join('；')}`);
	await queue.catch(() => undefined);
	try {
		const repository = new Repository(userName, 'evaluation');
		const stored = await repository.get(evaluation._id);
		if (stored && stored.status !== 'draft') return failure(ALREADY_SUBMITTED);
		const now = nowIso();
		return success(
			await repository.save({
				...evaluation,
				...(stored ? { _rev: stored._rev } : {}),
				status: 'submitted',
				total: scoreEvaluation(scorecard, evaluation.scores).total,
				submittedAt: now,
				appealDeadline: appealDeadline(now, scorecard.appealWorkingDays),
				updatedAt: now
			} as Evaluation)
		);
	} catch (error) {
		return failure(explainFailure(error, '提交'));
	}
}

/** 终审: a supervisor upholds or rejects an agent's appeal, with the reasons; the agent reads it in /my-qa. */
export async function ruleOnAppeal(
	userName: string,
	appeal: Stored<Appeal>,
	decision: 'upheld' | 'rejected',
	ruling: string
): Promise<Result<Stored<Appeal>>> {
	if (!ruling.trim()) return failure('请写明终审意见');
	try {
		return success(
			await new Repository(userName, 'appeal').save({
				...appeal,
				status: decision,
				ruling: ruling.trim(),
				ruledBy: userName,
				ruledAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '保存终审意见'));
	}
}

/** 逾期关闭: an appeal filed after its result's deadline is closed without a ruling on its merits. */
export async function closeLateAppeal(
	userName: string,
	appeal: Stored<Appeal>,
	deadline: string
): Promise<Result<Stored<Appeal>>> {
	try {
		return success(
			await new Repository(userName, 'appeal').save({
				...appeal,
				status: 'expired',
				ruling: `申诉提交于申诉截止日（${deadline}）之后，逾期关闭`,
				ruledBy: userName,
				ruledAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '关闭逾期申诉'));
	}
}

/**
 * 改分: a supervisor changes a submitted result's scores (after an upheld appeal, or a review), saying why;
 * the history keeps who, when, why, and each item before and after, and the agent reads it with the result.
 */
export async function rescoreEvaluation(
	userName: string,
	evaluation: Stored<Evaluation>,
	scores: Evaluation['scores'],
	scorecard: Scorecard,
	reason: string,
	appealId?: string
): Promise<Result<Stored<Evaluation>>> {
	if (reason.trim().length < 2) return failure('请写明改分原因');
	const problems = submissionProblems(scorecard, scores);
	if (problems.length > 0)
		return failure(`还不能保存：${problems.map((problem) => problem.message).join('；')}`);
	const now = nowIso();
	const next: Evaluation = { ...evaluation, scores, total: scoreEvaluation(scorecard, scores).total };
	if (scoreChanges(evaluation.scores, scores).length === 0 && next.total === evaluation.total)
		return failure('分数没有变化：改分须改动至少一项的得分、不适用或红线判定');
	try {
		const told = withScoreHistory(evaluation, next, userName, reason, now, appealId);
		return success(
			await new Repository(userName, 'evaluation').save({
				...told,
				status: 'final',
				updatedAt: now
			} as Stored<Evaluation>)
		);
	} catch (error) {
		return failure(explainFailure(error, '保存改分'));
	}
}
