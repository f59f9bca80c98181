// 改分记录: a change of score after submission, told as the server insists (sync/ddocs/qa): one entry per
// re-score, in the writer's name, with why, the totals before and after, and each item whose points, N/A or
// red-line decision changed, before and after.
import type { Evaluation } from '$lib/db/generated/documents';

type ScoreLine = Evaluation['scores'][number];
type Decided = { points: number | null; notApplicable?: boolean; redLineFailed?: boolean };
export type ScoreChange = NonNullable<Evaluation['scoreHistory']>[number];

function decided(score: ScoreLine | undefined): Decided {
	return {
		points: score?.points ?? null,
		...(score?.notApplicable ? { notApplicable: true } : {}),
		...(score?.redLineFailed ? { redLineFailed: true } : {})
	};
}

const same = (a: Decided, b: Decided) =>
	a.points === b.points &&
	Boolean(a.notApplicable) === Boolean(b.notApplicable) &&
	Boolean(a.redLineFailed) === Boolean(b.redLineFailed);

/** The items whose decision differs, with it before and after. */
export function scoreChanges(
	before: Evaluation['scores'],
	after: Evaluation['scores']
): ScoreChange['changes'] {
	const old = new Map(before.map((score) => [score.criterionKey, score]));
	const keys = [...old.keys(), ...after.map((score) => score.criterionKey).filter((key) => !old.has(key))];
	const next = new Map(after.map((score) => [score.criterionKey, score]));
	return keys.flatMap((criterionKey) => {
		const was = decided(old.get(criterionKey));
		const now = decided(next.get(criterionKey));
		return same(was, now) ? [] : [{ criterionKey, before: was, after: now }];
	});
}

/** The re-scored evaluation with its history entry appended; the scores and total are the new ones. */
export function withScoreHistory(
	previous: Evaluation,
	next: Evaluation,
	by: string,
	reason: string,
	at: string,
	appealId?: string
): Evaluation {
	const entry: ScoreChange = {
		at,
		by,
		reason: reason.trim(),
		...(appealId ? { appealId } : {}),
		totalBefore: previous.total ?? null,
		totalAfter: next.total ?? null,
		changes: scoreChanges(previous.scores, next.scores)
	};
	return { ...next, scoreHistory: [...(previous.scoreHistory ?? []), entry] };
}
