import { describe, expect, it } from 'vitest';
import { coverageBy, type AssignedCall } from './coverage';

const call = (
	callId: string,
	inspector: string,
	agent: string,
	due: string,
	team?: string
): AssignedCall => ({
	callId,
	inspector,
	agent,
	due,
	...(team ? { team } : {})
});
const assigned = [
	call('C1', 'inspector01', 'agent01', '2026-12-04', '一班'),
	call('C2', 'inspector01', 'agent02', '2026-12-04', '一班'),
	call('C3', 'inspector01', 'agent02', '2026-12-08', '二班'),
	call('C4', 'inspector02', 'agent03', '2026-12-04'),
	call('C5', 'inspector02', 'agent03', '2026-12-08')
];
// C4 was reassigned and scored by another inspector: done all the same.
const scored = new Set(['C1', 'C4', 'C9']);

describe('coverageBy', () => {
	it('counts expected, done and overdue per inspector, with the total', () => {
		const { rows, total } = coverageBy(assigned, scored, 'inspector', '2026-12-06');
		expect(rows).toEqual([
			{ key: 'inspector01', expected: 3, done: 1, overdue: 1, share: 1 / 3 },
			{ key: 'inspector02', expected: 2, done: 1, overdue: 0, share: 0.5 }
		]);
		expect(total).toEqual({ key: '', expected: 5, done: 2, overdue: 1, share: 0.4 });
	});

	it('groups by team, the calls of agents in none under an empty key', () => {
		const { rows } = coverageBy(assigned, scored, 'team', '2026-12-09');
		expect(rows.map(({ key, expected, overdue }) => [key, expected, overdue])).toEqual([
			['', 2, 1],
			['一班', 2, 1],
			['二班', 1, 1]
		]);
	});

	it('has nothing to cover in a plan that drew nothing', () => {
		expect(coverageBy([], scored, 'agent', '2026-12-06')).toEqual({
			rows: [],
			total: { key: '', expected: 0, done: 0, overdue: 0, share: 0 }
		});
	});
});
