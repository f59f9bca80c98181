// The appeal deadline on the Chinese working-day calendar, 调休 included (2026's arrangement: 国庆 1–7
// October off, Sunday 20 September and Saturday 10 October worked; 春节 15–23 February off, Saturdays
// 14 and 28 February worked).
import { describe, expect, it } from 'vitest';
import {
	appealDeadline,
	appealFiledLate,
	appealInTime,
	resultAppealDeadline,
	workingDaysBetween
} from './appeal-deadline';

/** An instant on a Beijing date and hour. */
const beijing = (date: string, hour = 10) =>
	new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();

describe('appealDeadline', () => {
	it('counts three working days after delivery, skipping a weekend', () => {
		// Thursday 3 December → Friday 4, Monday 7, Tuesday 8.
		expect(appealDeadline(beijing('2026-12-03'))).toBe('2026-12-08');
	});

	it('skips the National Day holiday and counts the Saturday worked in lieu', () => {
		// Wednesday 30 September → Thursday 8, Friday 9, Saturday 10 October (调休 workday).
		expect(appealDeadline(beijing('2026-09-30'))).toBe('2026-10-10');
	});

	it('counts a result delivered after midnight Beijing time on that Beijing day', () => {
		// 00:30 on Friday 4 December in Beijing is still 3 December in UTC.
		expect(appealDeadline(beijing('2026-12-04', 0).replace(':00:00', ':30:00'))).toBe('2026-12-09');
	});

	it('takes another number of working days from the settings, and refuses none', () => {
		expect(appealDeadline(beijing('2026-12-03'), 5)).toBe('2026-12-10');
		expect(() => appealDeadline(beijing('2026-12-03'), 0)).toThrow(/至少 1 个工作日/);
	});
});

describe('appealInTime', () => {
	it('accepts an appeal until the end of the last day, Beijing time', () => {
		const delivered = beijing('2026-12-03');
		expect(appealInTime(delivered, new Date(beijing('2026-12-08', 23)))).toBe(true);
		expect(appealInTime(delivered, new Date(beijing('2026-12-09', 0)))).toBe(false);
	});
});

describe('workingDaysBetween', () => {
	it('counts the Saturdays worked around 春节 and leaves the holiday out', () => {
		// 13 February (Friday) to 2 March (Monday): 14 (Sat, worked), 16–23 off, 24–27, 28 (Sat, worked), 2 March.
		expect(workingDaysBetween('2026-02-13', '2026-03-02')).toBe(7);
	});
});

describe('a result’s deadline and a late appeal', () => {
	it('takes the deadline set at submission, or else the scorecard’s working days', () => {
		expect(
			resultAppealDeadline({ appealDeadline: '2026-12-09', updatedAt: '2026-12-04T01:00:00.000Z' })
		).toBe('2026-12-09');
		// Friday 4 December 2026: five working days on is Friday 11 December.
		expect(
			resultAppealDeadline(
				{ submittedAt: '2026-12-04T01:00:00.000Z', updatedAt: '2026-12-04T01:00:00.000Z' },
				{ appealWorkingDays: 5 }
			)
		).toBe('2026-12-11');
	});

	it('counts a late appeal by its Beijing date', () => {
		// 23:30 Beijing on the last day is in time; 00:30 the next day is late.
		expect(appealFiledLate({ createdAt: '2026-12-09T15:30:00.000Z' }, '2026-12-09')).toBe(false);
		expect(appealFiledLate({ createdAt: '2026-12-09T16:30:00.000Z' }, '2026-12-09')).toBe(true);
	});
});
