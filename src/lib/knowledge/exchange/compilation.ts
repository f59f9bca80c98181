// 汇编: the entries added or changed in a week (ISO, Monday to Sunday), a month or a year, grouped by
// business category for printing and for Excel. Pure: tested without a browser.
import type { Entry } from '$lib/db/generated/documents';
import { beijingDate } from './china-time';

export type PeriodKind = 'week' | 'month' | 'year';

export interface PeriodRange {
	/** First day, YYYY-MM-DD (Beijing time). */
	from: string;
	/** Last day, inclusive. */
	to: string;
	/** 2026年第47周, 2026年11月, 2026年 */
	label: string;
}

export const PERIOD_LABELS: Record<PeriodKind, string> = { week: '周', month: '月', year: '年' };

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** The week, month or year containing the anchor day. Throws on a malformed anchor (callers check input). */
export function periodRange(kind: PeriodKind, anchor: string): PeriodRange {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchor);
	const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
	if (!match || isoDay(time) !== anchor) throw new RangeError(`日期格式不正确：${anchor}`);
	const date = new Date(time);
	const year = date.getUTCFullYear();
	if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
	if (kind === 'month') {
		const month = date.getUTCMonth();
		return {
			from: isoDay(Date.UTC(year, month, 1)),
			to: isoDay(Date.UTC(year, month + 1, 0)),
			label: `${year}年${month + 1}月`
		};
	}
	const monday = time - ((date.getUTCDay() + 6) % 7) * DAY_MS;
	// The ISO week belongs to the year of its Thursday.
	const thursday = new Date(monday + 3 * DAY_MS);
	const weekYear = thursday.getUTCFullYear();
	const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
	return { from: isoDay(monday), to: isoDay(monday + 6 * DAY_MS), label: `${weekYear}年第${week}周` };
}

export type ChangeMark = '新增' | '修改';

export interface CompiledEntry {
	entry: Entry;
	mark: ChangeMark;
	/** The latest of createdAt / updatedAt / publishedAt that falls in the period. */
	changedAt: string;
}

export interface CompilationGroup {
	categoryPath: string;
	entries: CompiledEntry[];
}

export interface Compilation {
	groups: CompilationGroup[];
	added: number;
	changed: number;
}

const chinese = new Intl.Collator('zh-CN');

/**
 * 新增 when the entry was created in the period, or first published in it (version 1); 修改 when it was
 * otherwise updated or published again. Groups by category path, 新增 before 修改, then by question.
 */
export function compileChanges(
	entries: Entry[],
	pathOf: (categoryId: string) => string,
	range: Pick<PeriodRange, 'from' | 'to'>
): Compilation {
	const inRange = (timestamp: string | undefined): timestamp is string => {
		if (!timestamp) return false;
		const day = beijingDate(timestamp);
		return day >= range.from && day <= range.to;
	};
	const groups = new Map<string, CompiledEntry[]>();
	let added = 0;
	for (const entry of entries) {
		const times = [entry.createdAt, entry.updatedAt, entry.publishedAt].filter(inRange);
		if (times.length === 0) continue;
		const isNew = inRange(entry.createdAt) || (entry.version === 1 && inRange(entry.publishedAt));
		if (isNew) added += 1;
		const path = pathOf(entry.categoryId);
		const compiled: CompiledEntry = { entry, mark: isNew ? '新增' : '修改', changedAt: times.sort().at(-1)! };
		const group = groups.get(path);
		if (group) group.push(compiled);
		else groups.set(path, [compiled]);
	}
	const sorted = [...groups.entries()]
		.sort(([a], [b]) => chinese.compare(a, b))
		.map(([categoryPath, items]) => ({
			categoryPath,
			entries: items.sort(
				(a, b) =>
					Number(a.mark === '修改') - Number(b.mark === '修改') ||
					chinese.compare(a.entry.standardQuestion, b.entry.standardQuestion)
			)
		}));
	const total = sorted.reduce((sum, group) => sum + group.entries.length, 0);
	return { groups: sorted, added, changed: total - added };
}
