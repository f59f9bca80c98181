// The QA figures of a hand-made November, through the repository's own view code (run in memory here; on the
// embedded server in tests/integration/report-views.spec.ts), against values worked out by hand.
import { describe, expect, it } from 'vitest';
import {
	reportAppeals,
	reportCoaching,
	reportEvaluations,
	reportScorecard
} from '../../../tests/fixtures/report-evaluations';
import { groupedRows } from '../../../tests/support/view-rows';
import { qaFigures } from './qa-figures';
import { readQaRows, type RangeRead } from './qa-queries';
import { datesOf, parsePeriod } from './report-periods';
import type { ReportScope } from './report-types';

const november = parsePeriod('2026-11')!;
const documents = [...reportEvaluations, ...reportAppeals, ...reportCoaching];
const read = async (query: RangeRead) => groupedRows<unknown[]>('qa', query.view, documents, query);
const figuresOf = async (scope: ReportScope, passMark = 80) =>
	qaFigures(
		await readQaRows(scope, november, read),
		passMark,
		datesOf(november),
		new Map([[reportScorecard._id, reportScorecard]]),
		new Map([['attitude', '服务态度生硬']])
	);

describe('QA figures of a period', () => {
	it('count what was submitted in the Beijing month: not drafts, not 1 December, but 01:00 on 1 November', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.evaluations).toBe(4);
		expect(figures.averageScore).toBe((90 + 75 + 0 + 85) / 4);
		expect(figures.passRate).toBe(2 / 4);
		expect(figures.redLineFailures).toBe(1);
		expect(figures.distribution).toEqual([
			{ band: '红线', count: 1 },
			{ band: '0–59', count: 0 },
			{ band: '60–69', count: 0 },
			{ band: '70–79', count: 1 },
			{ band: '80–89', count: 1 },
			{ band: '90–100', count: 1 }
		]);
		expect(figures.byDay).toHaveLength(30);
		expect(figures.byDay.filter((day) => day.evaluations > 0)).toEqual([
			{ day: '2026-11-01', evaluations: 1, average: 85 },
			{ day: '2026-11-02', evaluations: 1, average: 90 },
			{ day: '2026-11-03', evaluations: 1, average: 75 },
			{ day: '2026-11-10', evaluations: 1, average: 0 }
		]);
	});

	it('follow the pass mark set, with a red line never a pass', async () => {
		expect((await figuresOf({ kind: 'province' }, 75)).passRate).toBe(3 / 4);
		expect((await figuresOf({ kind: 'province' }, 0)).passRate).toBe(3 / 4);
		expect((await figuresOf({ kind: 'province' }, 95)).passRate).toBe(0);
	});

	it('rank inspectors, agents and business types, and the items that lost the most', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.byInspector).toEqual([
			{ name: 'inspector01', evaluations: 3, average: (90 + 0 + 85) / 3 },
			{ name: 'inspector03', evaluations: 1, average: 75 }
		]);
		expect(figures.byBusinessType.map((row) => [row.name, row.evaluations])).toEqual([
			['社会保障', 3],
			['公积金', 1]
		]);
		expect(figures.itemsLost.map((item) => [item.key, item.scored, item.lost, item.lostShare])).toEqual([
			['b', 4, 80 - (16 + 14 + 20 + 17), 13 / 80],
			['a', 4, 40 - (10 + 7 + 10 + 9), 4 / 40],
			['r', 4, 1, 1 / 4]
		]);
	});

	it('count appeals by outcome with the mean time to rule', async () => {
		expect((await figuresOf({ kind: 'province' })).appeals).toEqual({
			received: 3,
			open: 1,
			upheld: 1,
			rejected: 1,
			expired: 0,
			meanHoursToRule: (6 + 24) / 2
		});
	});

	it('narrow to a sub-platform, an agent or a team', async () => {
		const haikou = await figuresOf({ kind: 'sub', code: 'haikou', name: '海口' });
		expect([haikou.evaluations, haikou.averageScore]).toEqual([1, 75]);
		const own = await figuresOf({ kind: 'sub', code: 'province', name: '省本级' });
		expect(own.evaluations).toBe(3);
		const agent02 = await figuresOf({ kind: 'agent', name: 'agent02', displayName: '张话务' });
		expect([agent02.evaluations, agent02.averageScore, agent02.appeals.received]).toEqual([2, 42.5, 3]);
		const team = await figuresOf({ kind: 'team', team: '话务一班', agents: ['agent01', 'agent02'] });
		expect([team.evaluations, team.averageScore, team.redLineFailures]).toEqual([4, 62.5, 1]);
		expect(team.byAgent.map((row) => [row.name, row.evaluations])).toEqual([
			['agent01', 2],
			['agent02', 2]
		]);
		// Who scored the team, and on what: its agents' rows summed (R1, R3, R4 by inspector01; R4 公积金).
		expect(team.byInspector.map((row) => [row.name, row.evaluations, row.average])).toEqual([
			['inspector01', 3, (90 + 0 + 85) / 3],
			['inspector03', 1, 75]
		]);
		expect(team.byBusinessType.map((row) => [row.name, row.evaluations])).toEqual([
			['社会保障', 3],
			['公积金', 1]
		]);
		expect(agent02.byInspector.map((row) => [row.name, row.evaluations])).toEqual([['inspector01', 2]]);
	});

	it('count problem types once a result, list the typical cases and count coaching opened', async () => {
		const figures = await figuresOf({ kind: 'province' });
		// R1 is tagged 服务态度生硬 on the result and a comment (once), and 未核实 on the comment; R3 未核实.
		expect(figures.problemTags).toEqual([
			{ key: 'verify', name: 'verify', count: 2 },
			{ key: 'attitude', name: '服务态度生硬', count: 1 }
		]);
		expect(figures.typicalCases).toEqual([
			{
				day: '2026-11-02',
				kind: 'bad',
				reason: '语气生硬，用于培训',
				callId: 'R1',
				agentName: 'agent01',
				inspector: 'inspector01'
			}
		]);
		expect(figures.coaching).toEqual({ opened: 1, closed: 1 });
		const agent02 = await figuresOf({ kind: 'agent', name: 'agent02', displayName: '张话务' });
		expect([agent02.problemTags.length, agent02.typicalCases.length, agent02.coaching.opened]).toEqual([
			1, 0, 1
		]);
	});
});
