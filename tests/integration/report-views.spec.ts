// The report views built by the real embedded server (its in-memory reductions of _stats) give the same rows,
// and so the same figures, as the repository's view code run over the documents in memory; the figures are
// the hand-worked ones of src/lib/reports/qa-figures.spec.ts.
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qaFigures } from '../../src/lib/reports/qa-figures';
import { readQaRows, type RangeRead } from '../../src/lib/reports/qa-queries';
import { datesOf, parsePeriod } from '../../src/lib/reports/report-periods';
import type { ReportScope } from '../../src/lib/reports/report-types';
import {
	reportAppeals,
	reportCoaching,
	reportEvaluations,
	reportScorecard
} from '../fixtures/report-evaluations';
import { groupedRows } from '../support/view-rows';
import { as, startTestServer, type TestServer } from '../support/test-server';

let test: TestServer;
const documents = [...reportEvaluations, ...reportAppeals, ...reportCoaching];
beforeAll(async () => {
	test = await startTestServer();
	const couch = nano({ url: test.adminSyncUrl, parseUrl: false } as Parameters<typeof nano>[0]);
	const results = await couch.use('qa').bulk({ docs: documents as unknown as object[] });
	expect(results.filter((result) => result.error)).toEqual([]);
});
afterAll(async () => {
	await test?.stop();
});

const november = parsePeriod('2026-11')!;

async function fromServer(query: RangeRead) {
	const params = new URLSearchParams({
		startkey: JSON.stringify(query.startkey),
		endkey: JSON.stringify(query.endkey),
		...(query.group_level > 0 ? { group_level: String(query.group_level) } : {})
	});
	const [ddoc, view] = query.view.split('/');
	const response = await as('supervisor01')(`${test.syncUrl}/qa/_design/${ddoc}/_view/${view}?${params}`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { rows: Array<{ key: unknown[]; value: never }> }).rows;
}
const inMemory = async (query: RangeRead) => groupedRows<unknown[]>('qa', query.view, documents, query);

describe('the report views on the embedded server', () => {
	const scopes: ReportScope[] = [
		{ kind: 'province' },
		{ kind: 'sub', code: 'haikou', name: '海口' },
		{ kind: 'agent', name: 'agent02', displayName: '张话务' },
		{ kind: 'team', team: '话务一班', agents: ['agent01', 'agent02'] }
	];

	it.each(scopes)('give the hand-worked figures for %o', async (scope) => {
		const served = await readQaRows(scope, november, fromServer);
		const expected = await readQaRows(scope, november, inMemory);
		const cards = new Map([[reportScorecard._id, reportScorecard]]);
		const figures = qaFigures(served, 80, datesOf(november), cards);
		expect(figures).toEqual(qaFigures(expected, 80, datesOf(november), cards));
		if (scope.kind === 'province') expect([figures.evaluations, figures.passRate]).toEqual([4, 0.5]);
	});

	it('are refused to agents, like every read of qa', async () => {
		const response = await as('agent01')(
			`${test.syncUrl}/qa/_design/reports/_view/evaluation-scores?group_level=1`
		);
		expect(response.status).toBe(403);
	});
});
