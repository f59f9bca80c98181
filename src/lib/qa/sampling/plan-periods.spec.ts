import { describe, expect, it } from 'vitest';
import { periodContaining, rangeInstants, recentPeriods } from './plan-periods';

describe('plan periods', () => {
	it('a weekly plan on Monday covers Monday to Sunday', () => {
		// 2026-12-06 is a Sunday.
		expect(periodContaining({ kind: 'weekly', weekday: 1 }, '2026-12-06')).toEqual({
			from: '2026-11-30',
			to: '2026-12-06'
		});
		expect(periodContaining({ kind: 'weekly', weekday: 1 }, '2026-11-30')).toEqual({
			from: '2026-11-30',
			to: '2026-12-06'
		});
	});

	it('a weekly plan on Friday starts on the latest Friday', () => {
		expect(periodContaining({ kind: 'weekly', weekday: 5 }, '2026-12-03')).toEqual({
			from: '2026-11-27',
			to: '2026-12-03'
		});
		expect(periodContaining({ kind: 'weekly', weekday: 5 }, '2026-12-04')).toEqual({
			from: '2026-12-04',
			to: '2026-12-10'
		});
	});

	it('monthly periods are calendar months, February included', () => {
		expect(periodContaining({ kind: 'monthly' }, '2028-02-10')).toEqual({
			from: '2028-02-01',
			to: '2028-02-29'
		});
		expect(recentPeriods({ kind: 'monthly' }, '2027-01-15', 3)).toEqual([
			{ from: '2027-01-01', to: '2027-01-31' },
			{ from: '2026-12-01', to: '2026-12-31' },
			{ from: '2026-11-01', to: '2026-11-30' }
		]);
	});

	it('recent weeks go back a week at a time; a custom plan has its one range', () => {
		expect(recentPeriods({ kind: 'weekly', weekday: 1 }, '2026-12-06', 2)).toEqual([
			{ from: '2026-11-30', to: '2026-12-06' },
			{ from: '2026-11-23', to: '2026-11-29' }
		]);
		expect(recentPeriods({ kind: 'custom', from: '2026-11-16', to: '2026-11-22' }, '2026-12-06', 4)).toEqual([
			{ from: '2026-11-16', to: '2026-11-22' }
		]);
	});

	it('a range of Beijing dates starts at 16:00 UTC the day before', () => {
		expect(rangeInstants({ from: '2026-11-16', to: '2026-11-22' })).toEqual({
			start: '2026-11-15T16:00:00.000Z',
			end: '2026-11-22T16:00:00.000Z'
		});
	});
});
