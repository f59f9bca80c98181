import { describe, expect, it } from 'vitest';
import { weightedOverlapWith } from './weighted-overlap';

describe('weighted gram overlap', () => {
	const idf = (gram: string) => ({ 材: 0.1, 料: 0.1, 材料: 0.1 })[gram] ?? 2;

	it('counts each character and adjacent pair once per text, across spaces', () => {
		// Query grams 社 保 社保 (weight 6); the text adds 保社 once, however often it repeats (weight 8).
		expect(weightedOverlapWith('社保', () => 2)('社保 社保').dice).toBeCloseTo((2 * 6) / (6 + 8));
	});

	it('is 1 for the same text, 0 for nothing shared, and the same both ways', () => {
		expect(weightedOverlapWith('营业执照', idf)('营业执照').dice).toBe(1);
		expect(weightedOverlapWith('营业执照', idf)('社保卡').dice).toBe(0);
		expect(weightedOverlapWith('营业执照注销', idf)('营业执照').dice).toBeCloseTo(
			weightedOverlapWith('营业执照', idf)('营业执照注销').dice
		);
	});

	it('costs less for common extra words than for rare ones', () => {
		const overlap = weightedOverlapWith('营业执照注销', idf);
		expect(overlap('营业执照注销材料').dice).toBeGreaterThan(overlap('营业执照注销罚款').dice);
	});

	it('gives the share of the query a text covers, whatever the text adds', () => {
		const overlap = weightedOverlapWith('营业执照注销', idf);
		expect(overlap('营业执照注销罚款').coverage).toBe(1);
		expect(overlap('社保卡').coverage).toBe(0);
		// 营业执照 without 注销: the query's 注 销 注销 照注 (weight 8 of 22) are missing.
		expect(overlap('营业执照').coverage).toBeCloseTo(14 / 22);
	});
});
