// 申诉期限: an agent may appeal a result until the end of the Nth working day after the day it reached them,
// on the Chinese working-day calendar with its 调休 (weekend days worked, weekdays off), from the maintained
// chinese-days package (a new year's data comes with its update, published each November or December by
// the State Council's notice). Days are Beijing dates.
import { findWorkday, getWorkdaysInRange } from 'chinese-days';
import { beijingToday } from '$lib/time';

/** Working days an agent has to appeal, unless the settings say otherwise. */
export const DEFAULT_APPEAL_WORKING_DAYS = 3;

/** The last Beijing date on which an appeal is accepted for a result delivered at `deliveredAt` (ISO). */
export function appealDeadline(deliveredAt: string, workingDays = DEFAULT_APPEAL_WORKING_DAYS): string {
	if (!Number.isInteger(workingDays) || workingDays < 1) throw new Error('申诉期限须为至少 1 个工作日');
	return findWorkday(workingDays, beijingToday(new Date(deliveredAt)));
}

/** Whether an appeal made at `now` is in time. */
export function appealInTime(
	deliveredAt: string,
	now: Date,
	workingDays = DEFAULT_APPEAL_WORKING_DAYS
): boolean {
	return beijingToday(now) <= appealDeadline(deliveredAt, workingDays);
}

/** Working days from `from` to `to` (Beijing dates), counting `to` and not `from`: 分析报告及时率 and the like. */
export function workingDaysBetween(from: string, to: string): number {
	const dayAfter = new Date(Date.parse(`${from}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return dayAfter > to ? 0 : getWorkdaysInRange(dayAfter, to).length;
}
