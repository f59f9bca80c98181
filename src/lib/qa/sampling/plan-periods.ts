// The periods a sampling plan draws: weeks from its set weekday (seed 000: 每周固定时间对本周所接咨询电话进行抽检),
// calendar months, or one custom range. Dates are Beijing dates (YYYY-MM-DD).
import type { SamplingPlan } from '$lib/db/generated/documents';
import { BEIJING_OFFSET_MS } from '$lib/time';

export type PlanPeriod = SamplingPlan['period'];

export interface DateRange {
	from: string;
	to: string;
}

const DAY_MS = 86_400_000;
const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function shift(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
function weekdayOf(date: string): number {
	return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

function monthOf(date: string): DateRange {
	const [year, month] = date.split('-').map(Number) as [number, number];
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const prefix = date.slice(0, 7);
	return { from: `${prefix}-01`, to: `${prefix}-${String(last).padStart(2, '0')}` };
}

/** The plan's period that holds `date`. */
export function periodContaining(period: PlanPeriod, date: string): DateRange {
	if (period.kind === 'custom') return { from: period.from, to: period.to };
	if (period.kind === 'monthly') return monthOf(date);
	const from = shift(date, -((weekdayOf(date) - period.weekday + 7) % 7));
	return { from, to: shift(from, 6) };
}

/** The period holding `today` and the `count - 1` before it, newest first (a custom plan has one). */
export function recentPeriods(period: PlanPeriod, today: string, count: number): DateRange[] {
	const periods: DateRange[] = [];
	let day = today;
	while (periods.length < count) {
		const range = periodContaining(period, day);
		periods.push(range);
		if (period.kind === 'custom') break;
		day = shift(range.from, -1);
	}
	return periods;
}

export function describePeriod(period: PlanPeriod): string {
	if (period.kind === 'weekly') return `每周（${WEEKDAY_LABELS[period.weekday]}起七天）`;
	if (period.kind === 'monthly') return '每月';
	return `${period.from} 至 ${period.to}`;
}

export function rangeLabel(range: DateRange): string {
	return `${range.from} 至 ${range.to}`;
}

/** The UTC ISO instants bounding a range of Beijing dates: [start of `from`, start of the day after `to`). */
export function rangeInstants(range: DateRange): { start: string; end: string } {
	const instant = (date: string) =>
		new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS).toISOString();
	return { start: instant(range.from), end: instant(shift(range.to, 1)) };
}
