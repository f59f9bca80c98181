// 抽检覆盖率 of November on hand-made draws: the week of 26 October (three calls) and the week of 30 November
// (one) overlap November; the weeks of 19 October and 7 December do not. c1 and c4 are scored; c2 was due on
// 5 November and is not; c3 is not due until 20 December.
import { describe, expect, it } from 'vitest';
import type { SampleDraw } from '$lib/db/generated/documents';
import { parsePeriod } from './report-periods';
import { sampleCoverage, type CoverageSources } from './sample-coverage';

type Item = SampleDraw['items'][number];
const item = (
	recordingId: string,
	inspector: string,
	agent: string,
	due: string,
	extra: Partial<Item> = {}
): Item => ({
	recordingId,
	inspector,
	agent,
	due,
	reason: 'random',
	...extra
});
const draw = (from: string, to: string, items: Item[]) => ({ period: { from, to }, items }) as SampleDraw;
const draws = [
	draw('2026-10-19', '2026-10-25', [item('c0', 'inspector01', 'agent01', '2026-10-28')]),
	draw('2026-10-26', '2026-11-01', [
		item('c1', 'inspector01', 'agent01', '2026-11-05'),
		item('c2', 'inspector01', 'agent02', '2026-11-05', { subPlatform: 'haikou' }),
		item('c3', 'inspector03', 'agent01', '2026-12-20')
	]),
	draw('2026-11-30', '2026-12-06', [item('c4', 'inspector03', 'agent02', '2026-12-09')]),
	draw('2026-12-07', '2026-12-13', [item('c5', 'inspector03', 'agent02', '2026-12-16')])
];
const sources: CoverageSources = {
	drawsEndingFrom: async (from) => draws.filter((candidate) => candidate.period.to >= from),
	scoredCalls: async () => new Set(['c0', 'c1', 'c4'])
};
const november = parsePeriod('2026-11')!;
const TODAY = '2026-12-06';

describe('抽检覆盖率 in a report', () => {
	it('counts the calls of the draws overlapping the period, scored and overdue, by inspector', async () => {
		const coverage = await sampleCoverage({ kind: 'province' }, november, TODAY, sources);
		expect(coverage.draws).toBe(2);
		expect(coverage.total).toEqual({ key: '', expected: 4, done: 2, overdue: 1, share: 0.5 });
		expect(coverage.byInspector).toEqual([
			{ key: 'inspector01', expected: 2, done: 1, overdue: 1, share: 0.5 },
			{ key: 'inspector03', expected: 2, done: 1, overdue: 0, share: 0.5 }
		]);
	});

	it('narrows to the scope’s calls', async () => {
		const of = async (scope: Parameters<typeof sampleCoverage>[0]) =>
			(await sampleCoverage(scope, november, TODAY, sources)).total;
		expect(await of({ kind: 'sub', code: 'haikou', name: '海口' })).toMatchObject({
			expected: 1,
			done: 0,
			overdue: 1
		});
		expect(await of({ kind: 'sub', code: 'province', name: '省本级' })).toMatchObject({
			expected: 3,
			done: 2
		});
		expect(await of({ kind: 'agent', name: 'agent02', displayName: '张话务' })).toMatchObject({
			expected: 2,
			done: 1,
			overdue: 1
		});
		expect(await of({ kind: 'team', team: '一班', agents: ['agent01'] })).toMatchObject({
			expected: 2,
			done: 1
		});
	});
});
