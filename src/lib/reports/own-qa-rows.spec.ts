// An agent's own figures, built in the browser from their own database, are the ones the server's views give
// their supervisor for the same agent and period: both run over the hand-made November of report-evaluations.
import { describe, expect, it } from 'vitest';
import {
	reportAppeals,
	reportEvaluations,
	reportScorecard
} from '../../../tests/fixtures/report-evaluations';
import { groupedRows } from '../../../tests/support/view-rows';
import { ownQaRows } from './own-qa-rows';
import { qaFigures } from './qa-figures';
import { readQaRows, type RangeRead } from './qa-queries';
import { datesOf, parsePeriod } from './report-periods';

const cards = new Map([[reportScorecard._id, reportScorecard]]);
const fromViews = async (query: RangeRead) =>
	groupedRows<unknown[]>('qa', query.view, [...reportEvaluations, ...reportAppeals], query);

describe('an agent’s own QA figures', () => {
	it.each([
		['agent01', '2026-11'],
		['agent02', '2026-11'],
		['agent02', '2026-10'],
		['agent01', '2026-W45']
	])('are %s’s figures of %s as the reports views give them', async (agent, code) => {
		const period = parsePeriod(code)!;
		const own = qaFigures(
			ownQaRows(agent, reportEvaluations, reportAppeals, period),
			80,
			datesOf(period),
			cards
		);
		const served = await readQaRows({ kind: 'agent', name: agent, displayName: agent }, period, fromViews);
		const expected = qaFigures(served, 80, datesOf(period), cards);
		expect(own).toEqual({ ...expected, byInspector: [], byAgent: [], byBusinessType: [], typicalCases: [] });
	});

	it('count only the agent’s own submitted results', () => {
		const november = parsePeriod('2026-11')!;
		const figures = qaFigures(
			ownQaRows('agent02', reportEvaluations, reportAppeals, november),
			80,
			datesOf(november),
			cards
		);
		// R3 (a red line, 10 November) and R4 (01:00 Beijing on 1 November); agent01's are not theirs.
		expect([figures.evaluations, figures.redLineFailures, figures.averageScore]).toEqual([2, 1, 42.5]);
	});
});
