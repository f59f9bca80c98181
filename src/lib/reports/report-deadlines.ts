// 分析报告及时率: when each kind of report is due, in Chinese working days (with 调休) after its period ends,
// and the share of due reports issued by then. The monthly deadline is the seeds' (seed 003: 月常规业务数据分析
// 应于次月8个工作日内完成); the others are ours, scaled to the work, and named in README.
import { workingDayAfter } from '$lib/calendar/working-days';
import type { DateRange } from '$lib/qa/sampling/plan-periods';
import { beijingDate } from '$lib/knowledge/exchange/china-time';
import { periodOf, previousPeriod, type PeriodKind } from './report-periods';

export const DEADLINE_WORKING_DAYS: Record<PeriodKind, number> = {
	day: 1,
	week: 2,
	month: 8,
	quarter: 10,
	half: 15,
	year: 20,
	range: 8
};

export function reportDeadline(kind: PeriodKind, period: DateRange): string {
	return workingDayAfter(period.to, DEADLINE_WORKING_DAYS[kind]);
}

export interface IssueRecord {
	periodCode: string;
	issuedAt: string;
	deadline: string;
}

export interface Timeliness {
	kind: PeriodKind;
	/** Periods whose report is due by today, newest first. */
	due: number;
	onTime: number;
	late: number;
	missing: number;
	/** onTime ÷ due; null when none is due yet. */
	rate: number | null;
	/** The periods counted, newest first, each with how it stands. */
	periods: Array<{ code: string; label: string; deadline: string; status: 'onTime' | 'late' | 'missing' }>;
}

/**
 * The timeliness of one kind of report over the last `count` periods already due on `today`: a period counts
 * on time when a report for it was issued (Beijing date) on or before its deadline; the first issue counts.
 */
export function timelinessOf(
	kind: Exclude<PeriodKind, 'range'>,
	issued: IssueRecord[],
	today: string,
	count: number
): Timeliness {
	const firstIssue = new Map<string, string>();
	for (const record of issued) {
		const day = beijingDate(record.issuedAt);
		const known = firstIssue.get(record.periodCode);
		if (!known || day < known) firstIssue.set(record.periodCode, day);
	}
	const periods: Timeliness['periods'] = [];
	let period = periodOf(kind, today);
	// Step back to the newest period already due, then take `count` of them.
	while (reportDeadline(kind, period) > today) period = previousPeriod(period);
	while (periods.length < count) {
		const deadline = reportDeadline(kind, period);
		const issuedOn = firstIssue.get(period.code);
		periods.push({
			code: period.code,
			label: period.label,
			deadline,
			status: !issuedOn ? 'missing' : issuedOn <= deadline ? 'onTime' : 'late'
		});
		period = previousPeriod(period);
	}
	const counted = (status: string) => periods.filter((entry) => entry.status === status).length;
	return {
		kind,
		due: periods.length,
		onTime: counted('onTime'),
		late: counted('late'),
		missing: counted('missing'),
		rate: periods.length > 0 ? counted('onTime') / periods.length : null,
		periods
	};
}
