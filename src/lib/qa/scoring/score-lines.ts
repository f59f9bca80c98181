// The scoring form's edits as pure functions over score lines: each returns the full new list, one line
// per criterion in scorecard order, so the evaluation document always mirrors its scorecard version.
import { pointsAfterDeductions } from './evaluation-checks';
import { criteriaOf, scoresByKey, type Criterion, type Score } from './score-evaluation';
import type { Scorecard } from '$lib/db/generated/documents';

type ScorePatch = Partial<Omit<Score, 'criterionKey'>>;

/** One line per criterion in scorecard order; lines for keys not on the card are kept at the end. */
export function scoreLinesFor(scorecard: Scorecard, scores: readonly Score[]): Score[] {
	const byKey = scoresByKey(scores);
	const criteria = criteriaOf(scorecard);
	const known = new Set(criteria.map((criterion) => criterion.key));
	return [
		...criteria.map((criterion) => byKey.get(criterion.key) ?? { criterionKey: criterion.key, points: null }),
		...[...byKey.values()].filter((score) => !known.has(score.criterionKey))
	];
}

export function withScoreChange(
	scorecard: Scorecard,
	scores: readonly Score[],
	criterionKey: string,
	patch: ScorePatch
): Score[] {
	return scoreLinesFor(scorecard, scores).map((score) =>
		score.criterionKey === criterionKey ? { ...score, ...patch } : score
	);
}

/** Points typed by hand: empty or unreadable input means "not scored yet" (JSON cannot hold NaN). */
export function withPoints(
	scorecard: Scorecard,
	scores: readonly Score[],
	criterionKey: string,
	points: number | null
): Score[] {
	const readable = points !== null && Number.isFinite(points) ? points : null;
	return withScoreChange(scorecard, scores, criterionKey, { points: readable, notApplicable: false });
}

/** Choosing a deduction option sets the points to the maximum less all chosen options. */
export function withDeduction(
	scorecard: Scorecard,
	scores: readonly Score[],
	criterion: Criterion,
	reason: string,
	chosen: boolean
): Score[] {
	const current = scoresByKey(scores).get(criterion.key)?.deductionReasons ?? [];
	const others = current.filter((candidate) => candidate !== reason);
	const reasons = chosen ? [...others, reason] : others;
	return withScoreChange(scorecard, scores, criterion.key, {
		deductionReasons: reasons,
		points: pointsAfterDeductions(criterion, reasons),
		notApplicable: false
	});
}

/** N/A clears points and deductions: they would otherwise reappear when N/A is undone. */
export function withNotApplicable(
	scorecard: Scorecard,
	scores: readonly Score[],
	criterionKey: string,
	notApplicable: boolean
): Score[] {
	const patch: ScorePatch = notApplicable
		? { notApplicable: true, points: null, deductionReasons: [] }
		: { notApplicable: false };
	return withScoreChange(scorecard, scores, criterionKey, patch);
}

export function withRedLineDecision(
	scorecard: Scorecard,
	scores: readonly Score[],
	criterionKey: string,
	failed: boolean
): Score[] {
	return withScoreChange(scorecard, scores, criterionKey, { redLineFailed: failed, notApplicable: false });
}

export function withComment(
	scorecard: Scorecard,
	scores: readonly Score[],
	criterionKey: string,
	comment: string
): Score[] {
	return withScoreChange(scorecard, scores, criterionKey, { comment });
}

/** The usual start: every undecided item gets full points and passes its red line; decided ones stay. */
export function withUndecidedAtFullPoints(scorecard: Scorecard, scores: readonly Score[]): Score[] {
	const criteria = new Map(criteriaOf(scorecard).map((criterion) => [criterion.key, criterion]));
	return scoreLinesFor(scorecard, scores).map((score) => {
		const criterion = criteria.get(score.criterionKey);
		if (!criterion || (score.notApplicable && criterion.allowNotApplicable)) return score;
		const next: Score = { ...score };
		if (criterion.redLine && next.redLineFailed === undefined) next.redLineFailed = false;
		if (next.points === null || next.points === undefined)
			next.points = criterion.redLine && criterion.maxPoints === 0 ? null : criterion.maxPoints;
		return next;
	});
}
