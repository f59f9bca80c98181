// 合格线: set on the scorecard by supervisors, so the whole centre counts 合格 alike — the reports, the CLI and an
// agent's own figures — unless a report is asked for with another one.
import type { Scorecard } from '$lib/db/generated/documents';

export const DEFAULT_PASS_MARK = 80;

/** The pass mark of the scorecards in use: the most recently changed one that sets it, else 80. */
export function passMarkOf(scorecards: Array<Pick<Scorecard, 'passMark' | 'retired' | 'updatedAt'>>): number {
	const setting = scorecards
		.filter((card) => !card.retired && typeof card.passMark === 'number')
		.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
	return setting?.passMark ?? DEFAULT_PASS_MARK;
}
