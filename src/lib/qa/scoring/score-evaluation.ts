// The total of an evaluation, from one scorecard version and the inspector's scores. Pure: the same
// function gives the live total while scoring, the stored total on submit, and the agent's view.
//
// Rules:
// - A criterion weighs its `weight`, or its `maxPoints` when it has none (an unweighted card is a plain sum).
// - It earns points / maxPoints of its weight; total = Σ earned / Σ weight × 100 over applicable criteria.
// - Not applicable (allowed per criterion) drops it from both sums: the total re-bases. All N/A → null.
// - A failed red line (一票否决) zeroes the total. A red line with no points only passes or fails.
// - Unscored criteria count as not yet decided: the total covers the decided ones; `complete` says whether
//   every criterion is decided.
// - Rounded once, at the end, to one decimal, half up.
import type { Evaluation, Scorecard } from '$lib/db/generated/documents';

export type Score = Evaluation['scores'][number];
export type Criterion = Scorecard['sections'][number]['criteria'][number];

export interface EvaluationResult {
	/** 0–100 with one decimal, or null when nothing applicable has been scored. */
	total: number | null;
	redLineFailed: boolean;
	/** Keys of the red lines that failed. */
	failedRedLines: string[];
	/** Every criterion scored, marked not applicable, or (red lines without points) decided. */
	complete: boolean;
	unscored: string[];
	/** Score lines whose criterion is not on this scorecard version: ignored. */
	unknownKeys: string[];
}

export class ScoreOutOfRangeError extends Error {}

/** Half-up to one decimal; the epsilon absorbs binary float error (e.g. 86.45 stored as 86.4499…). */
export function roundScore(value: number): number {
	return Math.floor(value * 10 + 0.5 + 1e-9) / 10;
}

export function criteriaOf(scorecard: Scorecard): Criterion[] {
	return scorecard.sections.flatMap((section) => section.criteria);
}

function isDecided(criterion: Criterion, score: Score | undefined): boolean {
	if (!score) return false;
	if (score.notApplicable && criterion.allowNotApplicable) return true;
	if (criterion.redLine && criterion.maxPoints === 0) return score.redLineFailed !== undefined;
	return typeof score.points === 'number';
}

export function scoreEvaluation(scorecard: Scorecard, scores: Score[]): EvaluationResult {
	const criteria = criteriaOf(scorecard);
	const byKey = new Map(scores.map((score) => [score.criterionKey, score]));
	const known = new Set(criteria.map((criterion) => criterion.key));
	let earned = 0;
	let possible = 0;
	const failedRedLines: string[] = [];
	const unscored: string[] = [];

	for (const criterion of criteria) {
		const score = byKey.get(criterion.key);
		if (criterion.redLine && score?.redLineFailed) failedRedLines.push(criterion.key);
		if (!isDecided(criterion, score)) {
			unscored.push(criterion.key);
			continue;
		}
		if ((score!.notApplicable && criterion.allowNotApplicable) || criterion.maxPoints === 0) continue;
		const points = score!.points!;
		if (points < 0 || points > criterion.maxPoints)
			throw new ScoreOutOfRangeError(`“${criterion.name}”的得分须在 0 到 ${criterion.maxPoints} 之间`);
		const weight = criterion.weight ?? criterion.maxPoints;
		earned += (points / criterion.maxPoints) * weight;
		possible += weight;
	}

	const redLineFailed = failedRedLines.length > 0;
	let total: number | null = possible > 0 ? roundScore((earned / possible) * 100) : null;
	if (redLineFailed) total = 0;
	return {
		total,
		redLineFailed,
		failedRedLines,
		complete: unscored.length === 0,
		unscored,
		unknownKeys: scores.map((score) => score.criterionKey).filter((key) => !known.has(key))
	};
}
