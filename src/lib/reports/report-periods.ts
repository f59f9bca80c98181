// The periods reports are made for (seed 000: 日报、周报、月报、季报、半年报、年报; seed 003: 按照日、周、月、季、年),
// named by a code that reads as it sorts — 2026-11-30, 2026-W48, 2026-11, 2026-Q4, 2026-H2, 2026, or a range
// 2026-11-01..2026-11-15 — each a range of Beijing dates, with the period of the same kind before it.
import type { DateRange } from '$lib/qa/sampling/plan-periods';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface ReportPeriod extends DateRange {
	kind: PeriodKind;
	/** 2026-11, 2026-W48, …: what the CLI takes (`--period`) and issued reports are filed under. */
	code: string;
	/** 2026年11月, 2026年第48周, …: what the screen and the printed header say. */
	label: string;
}

export const PERIOD_KINDS: Array<{ kind: PeriodKind; label: string }> = [
	{ kind: 'day', label: '日报' },
	{ kind: 'week', label: '周报' },
	{ kind: 'month', label: '月报' },
	{ kind: 'quarter', label: '季报' },
	{ kind: 'half', label: '半年报' },
	{ kind: 'year', label: '年报' },
	{ kind: 'range', label: '自定义' }
];

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function shift(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isDate(text: string): boolean {
	return DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

const pad = (value: number) => String(value).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function months(year: number, first: number, count: number): DateRange {
	const last = first + count - 1;
	return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}` };
}

/** The Monday of ISO week 1 of a year: the week holding 4 January. */
function isoWeekOneMonday(year: number): string {
	const fourth = `${year}-01-04`;
	const weekday = (new Date(`${fourth}T00:00:00Z`).getUTCDay() + 6) % 7;
	return shift(fourth, -weekday);
}

/** The ISO week holding a date: its year (which may differ from the date's at the turn) and number. */
export function isoWeekOf(date: string): { year: number; week: number } {
	const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
	const thursday = shift(date, 3 - weekday);
	const year = Number(thursday.slice(0, 4));
	const week = Math.floor((Date.parse(thursday) - Date.parse(isoWeekOneMonday(year))) / (7 * DAY_MS)) + 1;
	return { year, week };
}

function weeksIn(year: number): number {
	return isoWeekOf(`${year}-12-28`).week;
}

/** The period a code names, or null when it names none (a CLI or URL typo is reported, never guessed). */
export function parsePeriod(code: string): ReportPeriod | null {
	const text = code.trim();
	let match: RegExpMatchArray | null;
	if (isDate(text)) return { kind: 'day', code: text, label: text, from: text, to: text };
	if ((match = text.match(/^(\d{4})-W(\d{2})$/))) {
		const [year, week] = [Number(match[1]), Number(match[2])];
		if (week < 1 || week > weeksIn(year)) return null;
		const from = shift(isoWeekOneMonday(year), (week - 1) * 7);
		return { kind: 'week', code: text, label: `${year}年第${week}周`, from, to: shift(from, 6) };
	}
	if ((match = text.match(/^(\d{4})-(\d{2})$/))) {
		const [year, month] = [Number(match[1]), Number(match[2])];
		if (month < 1 || month > 12) return null;
		return { kind: 'month', code: text, label: `${year}年${month}月`, ...months(year, month, 1) };
	}
	if ((match = text.match(/^(\d{4})-Q([1-4])$/))) {
		const [year, quarter] = [Number(match[1]), Number(match[2])];
		return {
			kind: 'quarter',
			code: text,
			label: `${year}年第${quarter}季度`,
			...months(year, quarter * 3 - 2, 3)
		};
	}
	if ((match = text.match(/^(\d{4})-H([12])$/))) {
		const [year, half] = [Number(match[1]), Number(match[2])];
		const label = `${year}年${half === 1 ? '上' : '下'}半年`;
		return { kind: 'half', code: text, label, ...months(year, half * 6 - 5, 6) };
	}
	if ((match = text.match(/^(\d{4})$/))) {
		const year = Number(match[1]);
		return { kind: 'year', code: text, label: `${year}年`, ...months(year, 1, 12) };
	}
	if ((match = text.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) {
		const [from, to] = [match[1]!, match[2]!];
		if (!isDate(from) || !isDate(to) || from > to) return null;
		return { kind: 'range', code: text, label: `${from} 至 ${to}`, from, to };
	}
	return null;
}

/** The period of a kind that holds a date (a range: that day alone). */
export function periodOf(kind: PeriodKind, date: string): ReportPeriod {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	const codes: Record<PeriodKind, () => string> = {
		day: () => date,
		week: () => {
			const week = isoWeekOf(date);
			return `${week.year}-W${pad(week.week)}`;
		},
		month: () => date.slice(0, 7),
		quarter: () => `${year}-Q${Math.ceil(month / 3)}`,
		half: () => `${year}-H${month <= 6 ? 1 : 2}`,
		year: () => String(year),
		range: () => `${date}..${date}`
	};
	return parsePeriod(codes[kind]())!;
}

/** The period of the same kind just before (a range: the same number of days before it). */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
	if (period.kind !== 'range') return periodOf(period.kind, shift(period.from, -1));
	const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS);
	const to = shift(period.from, -1);
	return parsePeriod(`${shift(to, -days)}..${to}`)!;
}

/** Every Beijing date of a period, in order (a year: 365 or 366). */
export function datesOf(period: DateRange): string[] {
	const dates: string[] = [];
	for (let date = period.from; date <= period.to; date = shift(date, 1)) dates.push(date);
	return dates;
}
