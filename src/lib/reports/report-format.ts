// How the report screens write their figures: a dash for none, one decimal, shares as percentages, and the
// change against the period before in the figure's own unit.

export const formatNumber = (value: number | null, digits = 1) =>
	value === null ? '—' : value.toFixed(digits);

export const formatPercent = (value: number | null) =>
	value === null ? '—' : `${(value * 100).toFixed(1)}%`;

/** The change against the period before (percentage points for shares). */
export function changeText(
	now: number | null,
	before: number | null,
	unit: 'count' | 'points' | 'share'
): string {
	if (now === null || before === null) return '上期无数据';
	const delta = unit === 'share' ? (now - before) * 100 : now - before;
	if (Math.abs(delta) < 0.05) return '与上期持平';
	const size = unit === 'count' ? String(Math.abs(delta)) : Math.abs(delta).toFixed(1);
	return `较上期 ${delta > 0 ? '↑' : '↓'} ${size}${unit === 'share' ? ' 个百分点' : ''}`;
}
