import { afterEach, describe, expect, it, vi } from 'vitest';
import { beijingToday } from './time';

describe('beijingToday', () => {
	it.each([
		['23:59 on 9 March in Beijing', '2026-03-09T15:59:00.000Z', '2026-03-09'],
		['00:00 on 10 March in Beijing, still 9 March in UTC', '2026-03-09T16:00:00.000Z', '2026-03-10'],
		['07:59 on 10 March in Beijing, still 9 March in UTC', '2026-03-09T23:59:00.000Z', '2026-03-10'],
		['08:00 on 10 March in Beijing', '2026-03-10T00:00:00.000Z', '2026-03-10'],
		['00:00 on New Year in Beijing', '2026-12-31T16:00:00.000Z', '2027-01-01'],
		['00:00 on a leap day in Beijing', '2028-02-28T16:00:00.000Z', '2028-02-29']
	])('at %s is %s', (_case, now, today) => {
		expect(beijingToday(new Date(now))).toBe(today);
	});

	afterEach(() => vi.useRealTimers());

	it('reads the clock at each call, not once', () => {
		vi.useFakeTimers({ now: new Date('2026-03-09T15:59:00.000Z') });
		expect(beijingToday()).toBe('2026-03-09');
		vi.setSystemTime(new Date('2026-03-09T16:00:00.000Z'));
		expect(beijingToday()).toBe('2026-03-10');
	});
});
