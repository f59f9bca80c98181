// 辅导前后对比 on the hand-made November: agent02's task of 11 November on 服务用语 (item a, 10 points) is compared
// over the 60 days before it — R3 (10 of 10, 10 November) and R4 (9 of 10, 01:00 Beijing on 1 November): 19 of
// 20 — and the 60 days after, which hold no result yet.
import { describe, expect, it } from 'vitest';
import {
	reportCoaching,
	reportEvaluations,
	reportScorecard
} from '../../../tests/fixtures/report-evaluations';
import { groupedRows } from '../../../tests/support/view-rows';
import { coachingEffect, coachingWindows } from './coaching-effect';
import { readAgentItems, readCoachingTasks, type RangeRead } from './qa-queries';
import { parsePeriod } from './report-periods';

const read = async (query: RangeRead) =>
	groupedRows<unknown[]>('qa', query.view, [...reportEvaluations, ...reportCoaching], query);
const cards = new Map([[reportScorecard._id, reportScorecard]]);

describe('the coached items before and after', () => {
	it('compare each task of the period over the 60 days before it and the 60 after', async () => {
		const tasks = await readCoachingTasks({ kind: 'province' }, parsePeriod('2026-11')!, read);
		const effect = await coachingEffect(tasks, cards, '2026-12-06', (agent, range) =>
			readAgentItems(agent, range, read)
		);
		expect(effect.tasks).toEqual([
			{
				agentName: 'agent02',
				openedDay: '2026-11-11',
				items: ['服务用语'],
				status: 'closed',
				before: { scored: 2, scoreShare: 19 / 20 },
				after: { scored: 0, scoreShare: null },
				watching: true
			}
		]);
		expect([effect.before, effect.after, effect.leftOut]).toEqual([
			{ scored: 2, scoreShare: 19 / 20 },
			{ scored: 0, scoreShare: null },
			0
		]);
	});

	it('find no task of another agent or period', async () => {
		const agent01 = await readCoachingTasks(
			{ kind: 'agent', name: 'agent01', displayName: '刘话务' },
			parsePeriod('2026-11')!,
			read
		);
		expect(agent01).toEqual([]);
		expect(await readCoachingTasks({ kind: 'province' }, parsePeriod('2026-10')!, read)).toHaveLength(1);
	});

	it('leave the opening day out of both windows', () => {
		expect(coachingWindows('2026-11-11')).toEqual({
			before: { from: '2026-09-12', to: '2026-11-10' },
			after: { from: '2026-11-12', to: '2027-01-10' }
		});
	});
});
