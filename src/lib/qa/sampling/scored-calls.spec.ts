import { describe, expect, it } from 'vitest';
import { scoredCallsIn, type ScoredRow } from './scored-calls';

const rows: ScoredRow[] = [
	{ key: ['2026-11-16T01:00:00.000Z', 'recording:A'], value: 1 },
	{ key: ['2026-11-17T01:00:00.000Z', 'recording:B'], value: 0 },
	{ key: ['2026-11-24T01:00:00.000Z', 'recording:C'], value: 1 },
	{ key: ['2026-12-20T01:00:00.000Z', 'recording:D'], value: 1 }
];

describe('scoredCallsIn', () => {
	it('reads each stretch of days once and keeps the submitted', async () => {
		const reads: Array<[string, string]> = [];
		const scored = await scoredCallsIn(
			[
				{ from: '2026-11-23', to: '2026-11-29' },
				{ from: '2026-11-16', to: '2026-11-22' },
				{ from: '2026-12-14', to: '2026-12-20' }
			],
			async (start, end) => {
				reads.push([start, end]);
				return rows.filter((row) => row.key[0] >= start && row.key[0] < end);
			}
		);
		expect(scored).toEqual(new Set(['recording:A', 'recording:C', 'recording:D']));
		expect(reads).toEqual([
			['2026-11-15T16:00:00.000Z', '2026-11-29T16:00:00.000Z'],
			['2026-12-13T16:00:00.000Z', '2026-12-20T16:00:00.000Z']
		]);
	});
});
