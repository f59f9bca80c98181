// What must hold before an evaluation is submitted, and the points that chosen deduction options leave.
// The agent reads every deduction, so none may stand without a reason.
import type { Scorecard } from '$lib/db/generated/documents';
import {
	criteriaOf,
	outcomeOf,
	scoresByKey,
	withoutFloatNoise,
	type Criterion,
	type Score
} from './score-evaluation';

export interface SubmissionProblem {
	criterionKey: string;
	message: string;
}

/** A written comment or at least one chosen deduction reason. */
export function hasReason(score: Score | undefined): boolean {
	return Boolean(score?.comment?.trim()) || (score?.deductionReasons?.length ?? 0) > 0;
}

/** Whether the form must ask for a reason: points taken off, or a red line failed. */
export function needsReason(criterion: Criterion, score: Score | undefined): boolean {
	const outcome = outcomeOf(criterion, score);
	if (outcome.kind === 'redLineFailed') return true;
	return outcome.kind === 'scored' && outcome.points !== null && outcome.points < criterion.maxPoints;
}

function problemOf(criterion: Criterion, score: Score | undefined): string | null {
	const name = `“${criterion.name}”`;
	if (score?.notApplicable && !criterion.allowNotApplicable) return `${name}不允许标为不适用`;
	const outcome = outcomeOf(criterion, score);
	switch (outcome.kind) {
		case 'notApplicable':
			return null;
		case 'redLineFailed':
			return hasReason(score) ? null : `${name}触发一票否决，须写明原因`;
		case 'outOfRange':
			return `${name}的得分须在 0 到 ${criterion.maxPoints} 之间`;
		case 'unscored':
			if (criterion.redLine && score?.redLineFailed === undefined) return `${name}尚未判定是否触发一票否决`;
			return `${name}尚未评分`;
		case 'scored':
			return needsReason(criterion, score) && !hasReason(score)
				? `${name}有扣分，须选择扣分原因或填写评语`
				: null;
	}
}

/** Everything that blocks submission, in scorecard order, one problem per criterion at most. */
export function submissionProblems(scorecard: Scorecard, scores: readonly Score[]): SubmissionProblem[] {
	const byKey = scoresByKey(scores);
	return criteriaOf(scorecard).flatMap((criterion) => {
		const message = problemOf(criterion, byKey.get(criterion.key));
		return message ? [{ criterionKey: criterion.key, message }] : [];
	});
}

/** Σ points of the chosen deduction options; each option counts once, reasons not on the card count 0. */
export function deductionPointsFor(criterion: Criterion, reasons: readonly string[]): number {
	const chosen = new Set(reasons);
	const taken = (criterion.deductions ?? [])
		.filter((deduction) => chosen.has(deduction.reason))
		.reduce((sum, deduction) => sum + deduction.points, 0);
	return withoutFloatNoise(taken);
}

/** The maximum less the chosen deductions, never below 0 (the inspector may still adjust by hand). */
export function pointsAfterDeductions(criterion: Criterion, reasons: readonly string[]): number {
	return Math.max(0, withoutFloatNoise(criterion.maxPoints - deductionPointsFor(criterion, reasons)));
}
