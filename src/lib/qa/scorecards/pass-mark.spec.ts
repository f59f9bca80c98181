import { describe, expect, it } from 'vitest';
import { DEFAULT_PASS_MARK, passMarkOf } from './pass-mark';

describe('the pass mark the centre counts 合格 by', () => {
	it('is the one set on the scorecard in use most recently changed, or 80', () => {
		expect(passMarkOf([])).toBe(DEFAULT_PASS_MARK);
		expect(passMarkOf([{ updatedAt: '2026-11-01T00:00:00.000Z' }])).toBe(80);
		expect(
			passMarkOf([
				{ passMark: 75, updatedAt: '2026-10-01T00:00:00.000Z' },
				{ passMark: 85, updatedAt: '2026-11-01T00:00:00.000Z' },
				{ passMark: 60, retired: true, updatedAt: '2026-12-01T00:00:00.000Z' }
			])
		).toBe(85);
	});
});
