// The Chinese working-day calendar with its 调休 (weekend days worked, weekdays off), from the maintained
// chinese-days package: a new year's data comes with its update, published each November or December after
// the State Council's notice. Days are Beijing dates (YYYY-MM-DD).
import chineseDays from 'chinese-days';

// Node loads the package's CommonJS build, which has only a default export; Vite its ES build, which has both.
const { findWorkday, getWorkdaysInRange } = chineseDays;

/** The Nth working day after `date` (N ≥ 1). */
export function workingDayAfter(date: string, workingDays: number): string {
	if (!Number.isInteger(workingDays) || workingDays < 1) throw new Error('工作日天数须为至少 1 的整数');
	return findWorkday(workingDays, date);
}

/** Working days from `from` to `to`, counting `to` and not `from`: 分析报告及时率 and the like. */
export function workingDaysBetween(from: string, to: string): number {
	const dayAfter = new Date(Date.parse(`${from}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return dayAfter > to ? 0 : getWorkdaysInRange(dayAfter, to).length;
}
