// 对比前后效果: how the coached items scored in the agent's results before the task and since, as the share of
// each item's maximum points (N/A left out; a failed red line counts 0), so scorecard versions compare.
import type { Evaluation, Scorecard } from '$lib/db/generated/documents';

export interface ItemComparison {
	criterionKey: string;
	name: string;
	/** Mean share 0…1 of the item's maximum, or null with no scored result in the window. */
	before: number | null;
	after: number | null;
	beforeCount: number;
	afterCount: number;
}

function shareOf(evaluation: Evaluation, scorecard: Scorecard | undefined, key: string): number | null {
	const criterion = scorecard?.sections
		.flatMap((section) => section.criteria)
		.find((item) => item.key === key);
	const score = evaluation.scores.find((line) => line.criterionKey === key);
	if (!criterion || !score || score.notApplicable) return null;
	if (criterion.redLine) return score.redLineFailed ? 0 : 1;
	if (score.points === null || score.points === undefined || criterion.maxPoints <= 0) return null;
	return Math.min(1, Math.max(0, score.points / criterion.maxPoints));
}

// Rounded to 4 places: shares are shown as percentages with one decimal.
const mean = (values: number[]) =>
	values.length
		? Math.round((values.reduce((all, value) => all + value, 0) / values.length) * 10_000) / 10_000
		: null;

/** How far back "before" reaches, here and in the reports' 辅导前后对比 (src/lib/reports/coaching-effect.ts). */
export const BEFORE_WINDOW_DAYS = 60;

/**
 * @param since the task's creation: results submitted before it are "before", the others "after"
 * @param windowDays how far back "before" reaches
 */
export function compareItems(
	evaluations: readonly Evaluation[],
	scorecards: ReadonlyMap<string, Scorecard>,
	agentName: string,
	criterionKeys: readonly string[],
	since: string,
	windowDays = BEFORE_WINDOW_DAYS
): ItemComparison[] {
	const from = new Date(Date.parse(since) - windowDays * 86_400_000).toISOString();
	const results = evaluations.filter(
		(evaluation) =>
			evaluation.agentName === agentName &&
			evaluation.status !== 'draft' &&
			evaluation.submittedAt &&
			evaluation.submittedAt >= from
	);
	return criterionKeys.map((key) => {
		const before: number[] = [];
		const after: number[] = [];
		let name = key;
		for (const evaluation of results) {
			const scorecard = scorecards.get(evaluation.scorecardId);
			name =
				scorecard?.sections.flatMap((section) => section.criteria).find((item) => item.key === key)?.name ??
				name;
			const share = shareOf(evaluation, scorecard, key);
			if (share === null) continue;
			(evaluation.submittedAt! < since ? before : after).push(share);
		}
		return {
			criterionKey: key,
			name,
			before: mean(before),
			after: mean(after),
			beforeCount: before.length,
			afterCount: after.length
		};
	});
}
