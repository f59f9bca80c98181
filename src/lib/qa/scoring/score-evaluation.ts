// The total of an evaluation, from one scorecard version and the inspector's score lines. Pure: the same
// function gives the live total while scoring, the stored total on submit and the agent's view.
import type { Evaluation, Scorecard } from '$lib/db/generated/documents';

export type Score = Evaluation['scores'][number];
export type Section = Scorecard['sections'][number];
export type Criterion = Section['criteria'][number];

/** Where one criterion stands, given its score line. */
export type CriterionOutcome =
	| { kind: 'unscored' }
	| { kind: 'notApplicable' }
	| { kind: 'redLineFailed' }
	| { kind: 'outOfRange'; points: number }
	/** `points` is null for a passed red line that carries no points. */
	| { kind: 'scored'; points: number | null };

export interface EvaluationResult {
	/** 0–100 with one decimal; 0 when a red line failed; null when nothing can be totalled yet. */
	total: number | null;
	maxTotal: 100;
	/** Σ earned weight of the counted criteria (float noise removed, not rounded to one decimal). */
	earned: number;
	/** Σ weight of the counted criteria: what `earned` is out of. */
	possible: number;
	redLineFailed: boolean;
	/** Keys of the red lines that failed, in scorecard order. */
	failedRedLines: string[];
	/** Every criterion scored, not applicable, or (red lines) decided, and no points out of range. */
	complete: boolean;
	/** Keys of the criteria not decided yet, in scorecard order. */
	unscored: string[];
	/** Keys of the criteria whose points are outside 0…maxPoints (or not a finite number). */
	outOfRange: string[];
	/** Score lines whose criterion is not on this scorecard version: ignored. */
	unknownKeys: string[];
}

export function criteriaOf(scorecard: Scorecard): Criterion[] {
	return scorecard.sections.flatMap((section) => section.criteria);
}

/** The weight a criterion carries in the total: its `weight`, else its maximum points. */
export function weightOf(criterion: Criterion): number {
	return criterion.weight ?? criterion.maxPoints;
}

/** Drops binary float noise (0.1 + 0.2 = 0.30000000000000004) by keeping 12 significant digits. */
export function withoutFloatNoise(value: number): number {
	return Number(value.toPrecision(12));
}

/** One decimal, half up (86.45 → 86.5), after the float noise is gone (86.44999999999999 is 86.45). */
export function roundScore(value: number): number {
	return Math.floor(withoutFloatNoise(value * 10) + 0.5) / 10;
}

/** The one definition of "decided", shared with the submission checks. */
export function outcomeOf(criterion: Criterion, score: Score | undefined): CriterionOutcome {
	if (!score) return { kind: 'unscored' };
	if (score.notApplicable && criterion.allowNotApplicable) return { kind: 'notApplicable' };
	if (criterion.redLine) {
		if (score.redLineFailed === true) return { kind: 'redLineFailed' };
		if (score.redLineFailed !== false) return { kind: 'unscored' };
		if (criterion.maxPoints === 0) return { kind: 'scored', points: null };
	}
	const points = score.points;
	if (points === null || points === undefined) return { kind: 'unscored' };
	if (!Number.isFinite(points) || points < 0 || points > criterion.maxPoints)
		return { kind: 'outOfRange', points };
	return { kind: 'scored', points };
}

/** The last line for a key wins, as in the form that writes them. */
export function scoresByKey(scores: readonly Score[]): Map<string, Score> {
	return new Map(scores.map((score) => [score.criterionKey, score]));
}

/**
 * Scores an evaluation against the scorecard version it was made on.
 *
 * Rules:
 * 1. Weight: a criterion weighs its `weight` if set, else its `maxPoints` (an unweighted card is a plain
 *    sum of points). It earns points / maxPoints of its weight.
 * 2. Total = Σ earned / Σ weight × 100 over the counted criteria. Counted: scored criteria with
 *    maxPoints > 0. Not counted: unscored ones (the live total covers what is decided so far; `complete`
 *    says whether that is everything), N/A ones (the total re-bases), 0-point items, failed red lines,
 *    and points out of range.
 * 3. N/A counts only where the criterion has `allowNotApplicable`; elsewhere the flag is ignored and the
 *    criterion is judged on its points. Nothing counted (e.g. all N/A) → total null.
 * 4. Red lines are decided by `redLineFailed` (true failed, false passed, absent undecided). Any failed
 *    red line makes the total 0 whatever else. A passed red line with maxPoints 0 only passes; one with
 *    points also needs its points and then counts like any other criterion.
 * 5. Points outside 0…maxPoints (or NaN/Infinity) are reported in `outOfRange`, not thrown: the form
 *    shows them while the inspector types. Any such criterion makes the total null (unless a red line
 *    failed: then 0) and the evaluation incomplete.
 * 6. Rounding: once, at the end, to one decimal, half up, after removing binary float noise.
 * 7. Score lines for keys not on this version are ignored and listed in `unknownKeys`.
 */
export function scoreEvaluation(scorecard: Scorecard, scores: readonly Score[]): EvaluationResult {
	const criteria = criteriaOf(scorecard);
	const byKey = scoresByKey(scores);
	const known = new Set(criteria.map((criterion) => criterion.key));
	let earned = 0;
	let possible = 0;
	const failedRedLines: string[] = [];
	const unscored: string[] = [];
	const outOfRange: string[] = [];

	for (const criterion of criteria) {
		const outcome = outcomeOf(criterion, byKey.get(criterion.key));
		if (outcome.kind === 'redLineFailed') failedRedLines.push(criterion.key);
		else if (outcome.kind === 'unscored') unscored.push(criterion.key);
		else if (outcome.kind === 'outOfRange') outOfRange.push(criterion.key);
		else if (outcome.kind === 'scored' && outcome.points !== null && criterion.maxPoints > 0) {
			const weight = weightOf(criterion);
			earned += (outcome.points * weight) / criterion.maxPoints;
			possible += weight;
		}
	}

	const redLineFailed = failedRedLines.length > 0;
	let total: number | null = possible > 0 ? roundScore((earned * 100) / possible) : null;
	if (outOfRange.length > 0) total = null;
	if (redLineFailed) total = 0;
	return {
		total,
		maxTotal: 100,
		earned: withoutFloatNoise(earned),
		possible: withoutFloatNoise(possible),
		redLineFailed,
		failedRedLines,
		complete: unscored.length === 0 && outOfRange.length === 0,
		unscored,
		outOfRange,
		unknownKeys: [...new Set(scores.map((score) => score.criterionKey).filter((key) => !known.has(key)))]
	};
}
