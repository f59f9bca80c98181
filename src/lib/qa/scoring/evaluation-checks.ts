// What must hold before an evaluation is submitted: every item decided, N/A only where the scorecard
// allows it, points in range, and a reason wherever points were taken off or a red line failed.
import { criteriaOf, type Criterion, type Score } from './score-evaluation';
import type { Scorecard } from '$lib/db/generated/documents';

export interface SubmissionProblem {
	criterionKey: string;
	message: string;
}

function hasReason(score: Score): boolean {
	return Boolean(score.comment?.trim()) || (score.deductionReasons?.length ?? 0) > 0;
}

function problemOf(criterion: Criterion, score: Score | undefined): string | null {
	const name = `“${criterion.name}”`;
	if (score?.notApplicable) return criterion.allowNotApplicable ? null : `${name}不允许标为不适用`;
	if (criterion.redLine && score?.redLineFailed)
		return hasReason(score) ? null : `${name}触发一票否决，须写明原因`;
	if (criterion.redLine && criterion.maxPoints === 0)
		return score?.redLineFailed === undefined ? `${name}尚未判定是否触发` : null;
	if (!score || typeof score.points !== 'number') return `${name}尚未评分`;
	if (score.points < 0 || score.points > criterion.maxPoints)
		return `${name}的得分须在 0 到 ${criterion.maxPoints} 之间`;
	if (score.points < criterion.maxPoints && !hasReason(score)) return `${name}有扣分，须选择扣分原因或写评语`;
	return null;
}

export function submissionProblems(scorecard: Scorecard, scores: Score[]): SubmissionProblem[] {
	const byKey = new Map(scores.map((score) => [score.criterionKey, score]));
	return criteriaOf(scorecard).flatMap((criterion) => {
		const message = problemOf(criterion, byKey.get(criterion.key));
		return message ? [{ criterionKey: criterion.key, message }] : [];
	});
}

/** Points left after the chosen deduction options: the maximum less their points, never below 0. */
export function pointsAfterDeductions(criterion: Criterion, reasons: string[]): number {
	const taken = (criterion.deductions ?? [])
		.filter((deduction) => reasons.includes(deduction.reason))
		.reduce((sum, deduction) => sum + deduction.points, 0);
	return Math.max(0, Math.round((criterion.maxPoints - taken) * 10) / 10);
}
