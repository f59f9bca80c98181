import { describe, expect, it } from 'vitest';
import { reportDeadline, timelinessOf } from './report-deadlines';
import { parsePeriod } from './report-periods';

describe('report deadlines on the Chinese working-day calendar', () => {
	it('give a month eight working days, skipping weekends and the National Day holiday', () => {
		// November 2026 ends on a Monday: 1–4 and 7–10 December are the eight working days.
		expect(reportDeadline('month', parsePeriod('2026-11')!)).toBe('2026-12-10');
		// September 2026: 1–7 October are the National Day holiday; 10 October (a Saturday) is worked (调休).
		expect(reportDeadline('month', parsePeriod('2026-09')!)).toBe('2026-10-16');
		expect(reportDeadline('day', parsePeriod('2026-12-04')!)).toBe('2026-12-07');
	});

	it('count the due periods issued on time, late and not at all', () => {
		const timeliness = timelinessOf(
			'month',
			[
				{ periodCode: '2026-10', issuedAt: '2026-11-05T02:00:00.000Z', deadline: '' },
				{ periodCode: '2026-09', issuedAt: '2026-10-20T02:00:00.000Z', deadline: '' },
				{ periodCode: '2026-09', issuedAt: '2026-10-25T02:00:00.000Z', deadline: '' }
			],
			'2026-12-06',
			3
		);
		// November's report is not due until 10 December, so October, September and August are counted.
		expect(timeliness.periods.map((period) => [period.code, period.status])).toEqual([
			['2026-10', 'onTime'],
			['2026-09', 'late'],
			['2026-08', 'missing']
		]);
		expect([timeliness.due, timeliness.onTime, timeliness.late, timeliness.missing, timeliness.rate]).toEqual(
			[3, 1, 1, 1, 1 / 3]
		);
	});
});
