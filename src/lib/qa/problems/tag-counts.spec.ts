import { describe, expect, it } from 'vitest';
import type { Evaluation } from '$lib/db/generated/documents';
import { submittedEvaluation } from '../../../../tests/fixtures/scored-evaluation';
import { countsFromEvaluations, countsFromRows, previousRange, tagRows, tagsOf } from './tag-counts';

describe('problem type counts', () => {
	it('compares a period with the one of the same length before it', () => {
		expect(previousRange({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
			from: '2026-10-02',
			to: '2026-10-31'
		});
		expect(previousRange({ from: '2026-11-30', to: '2026-12-06' })).toEqual({
			from: '2026-11-23',
			to: '2026-11-29'
		});
	});

	it('sums the days of each type, and ranks the types found most', () => {
		const current = countsFromRows([
			{ key: ['2026-11-30', 'attitude'], value: 2 },
			{ key: ['2026-12-01', 'attitude'], value: 1 },
			{ key: ['2026-12-01', 'no-verify'], value: 4 }
		]);
		const previous = new Map([
			['attitude', 5],
			['retired-tag', 1]
		]);
		expect(
			tagRows(
				current,
				previous,
				new Map([
					['attitude', '服务态度生硬'],
					['no-verify', '未核实信息']
				])
			)
		).toEqual([
			{ key: 'no-verify', name: '未核实信息', count: 4, previous: 0 },
			{ key: 'attitude', name: '服务态度生硬', count: 3, previous: 5 },
			{ key: 'retired-tag', name: 'retired-tag', count: 0, previous: 1 }
		]);
	});

	it('counts a result once per type, its own and its comments’, by its Beijing day, offline', () => {
		const tagged: Evaluation = {
			...submittedEvaluation(),
			submittedAt: '2026-11-30T17:00:00.000Z',
			problemTags: ['no-verify'],
			comments: [
				{ id: 'a', startSeconds: 1, text: '未核实', problemTags: ['no-verify'] },
				{ id: 'b', startSeconds: 5, text: '语气冲', problemTags: ['attitude'] }
			]
		};
		expect(tagsOf(tagged)).toEqual(['no-verify', 'attitude']);
		// 17:00 UTC on the 30th is 1 December in Beijing.
		expect(
			countsFromEvaluations([tagged, { ...tagged, status: 'draft' }], {
				from: '2026-12-01',
				to: '2026-12-06'
			})
		).toEqual(
			new Map([
				['no-verify', 1],
				['attitude', 1]
			])
		);
		expect(countsFromEvaluations([tagged], { from: '2026-11-24', to: '2026-11-30' })).toEqual(new Map());
	});
});
