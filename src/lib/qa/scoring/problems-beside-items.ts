// Which submission problems the scoring form shows under their own item: the summary lists them all,
// but an item nobody has touched yet is not scolded for being empty.
import type { SubmissionProblem } from './evaluation-checks';
import type { Score } from './score-evaluation';

/** Message per criterion key, for items already decided or marked N/A (even where N/A is not allowed). */
export function problemsBesideItems(
	problems: readonly SubmissionProblem[],
	undecided: ReadonlySet<string>,
	scoresByKey: ReadonlyMap<string, Score>
): Map<string, string> {
	return new Map(
		problems
			.filter(
				(problem) =>
					!undecided.has(problem.criterionKey) ||
					Boolean(scoresByKey.get(problem.criterionKey)?.notApplicable)
			)
			.map((problem) => [problem.criterionKey, problem.message])
	);
}
