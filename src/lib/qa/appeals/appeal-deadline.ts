// 申诉期限: an agent may appeal a result until the end of the Nth working day after the day it reached them,
// on the Chinese working-day calendar (src/lib/calendar/working-days.ts). Days are Beijing dates.
import { workingDayAfter } from '$lib/calendar/working-days';
import { beijingToday } from '$lib/time';

export { workingDaysBetween } from '$lib/calendar/working-days';

/** Working days an agent has to appeal, unless the settings say otherwise. */
export const DEFAULT_APPEAL_WORKING_DAYS = 3;

/** The last Beijing date on which an appeal is accepted for a result delivered at `deliveredAt` (ISO). */
export function appealDeadline(
	deliveredAt: string,
	workingDays: number = DEFAULT_APPEAL_WORKING_DAYS
): string {
	if (!Number.isInteger(workingDays) || workingDays < 1) throw new Error('申诉期限须为至少 1 个工作日');
	return workingDayAfter(beijingToday(new Date(deliveredAt)), workingDays);
}

/** Whether an appeal made at `now` is in time. */
export function appealInTime(
	deliveredAt: string,
	now: Date,
	workingDays = DEFAULT_APPEAL_WORKING_DAYS
): boolean {
	return beijingToday(now) <= appealDeadline(deliveredAt, workingDays);
}

/** A result's 申诉截止: as set at submission, or else from its scorecard's rule (results from before it). */
export function resultAppealDeadline(
	evaluation: { appealDeadline?: string; submittedAt?: string; updatedAt: string },
	scorecard?: { appealWorkingDays?: number } | null
): string {
	return (
		evaluation.appealDeadline ??
		appealDeadline(evaluation.submittedAt ?? evaluation.updatedAt, scorecard?.appealWorkingDays)
	);
}

/** Whether an appeal was filed after its result's deadline (its Beijing date, not the time of day). */
export function appealFiledLate(appeal: { createdAt: string }, deadline: string): boolean {
	return beijingToday(new Date(appeal.createdAt)) > deadline;
}
