import { describe, expect, it } from 'vitest';
import { datesOf, isoWeekOf, parsePeriod, periodOf, previousPeriod } from './report-periods';

describe('report periods', () => {
	it('read every kind of code as its Beijing dates', () => {
		expect(parsePeriod('2026-11-30')).toMatchObject({ kind: 'day', from: '2026-11-30', to: '2026-11-30' });
		expect(parsePeriod('2026-W48')).toMatchObject({
			from: '2026-11-23',
			to: '2026-11-29',
			label: '2026年第48周'
		});
		expect(parsePeriod('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
		expect(parsePeriod('2028-02')).toMatchObject({ to: '2028-02-29' });
		expect(parsePeriod('2026-Q4')).toMatchObject({
			from: '2026-10-01',
			to: '2026-12-31',
			label: '2026年第4季度'
		});
		expect(parsePeriod('2026-H1')).toMatchObject({
			from: '2026-01-01',
			to: '2026-06-30',
			label: '2026年上半年'
		});
		expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
		expect(parsePeriod('2026-11-01..2026-11-15')).toMatchObject({
			kind: 'range',
			from: '2026-11-01',
			to: '2026-11-15'
		});
	});

	it('refuse codes that name no period', () => {
		for (const code of ['2026-13', '2026-02-30', '2026-W54', '2026-Q5', '2026-11-15..2026-11-01', 'November'])
			expect(parsePeriod(code), code).toBeNull();
	});

	it('number ISO weeks across the turn of the year', () => {
		expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
		expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
		expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
		expect(periodOf('week', '2027-01-01').code).toBe('2026-W53');
	});

	it('step back to the period before, of the same kind and length', () => {
		expect(previousPeriod(parsePeriod('2026-01')!).code).toBe('2025-12');
		expect(previousPeriod(parsePeriod('2026-W01')!).code).toBe('2025-W52');
		expect(previousPeriod(parsePeriod('2026-Q1')!).code).toBe('2025-Q4');
		expect(previousPeriod(parsePeriod('2026-H1')!).code).toBe('2025-H2');
		expect(previousPeriod(parsePeriod('2026-11-11..2026-11-20')!).code).toBe('2026-11-01..2026-11-10');
		expect(datesOf(parsePeriod('2028')!)).toHaveLength(366);
	});
});
