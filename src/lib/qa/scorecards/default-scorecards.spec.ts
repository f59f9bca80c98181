import { describe, expect, it } from 'vitest';
import { assertValidDocument } from '$lib/db/validation';
import { criteriaOf, scoreEvaluation } from '../scoring/score-evaluation';
import { defaultScorecards } from './default-scorecards';

describe.each(defaultScorecards)('the shipped scorecard $name', (template) => {
	const scorecard = { ...template, updatedBy: 'system', updatedAt: '2026-11-01T00:00:00.000Z' };
	const criteria = criteriaOf(scorecard);

	it('matches its schema', () => {
		expect(() => assertValidDocument(scorecard)).not.toThrow();
	});

	it('has unique criterion keys and 100 points', () => {
		expect(new Set(criteria.map((criterion) => criterion.key)).size).toBe(criteria.length);
		expect(criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0)).toBe(100);
	});

	it('has red lines, and no deduction worth more than its item', () => {
		expect(criteria.filter((criterion) => criterion.redLine).length).toBeGreaterThanOrEqual(3);
		for (const criterion of criteria)
			for (const deduction of criterion.deductions ?? [])
				expect(deduction.points).toBeLessThanOrEqual(criterion.maxPoints);
	});

	it('scores 100 when every item earns full points and no red line fails', () => {
		const scores = criteria.map((criterion) => ({
			criterionKey: criterion.key,
			points: criterion.redLine && criterion.maxPoints === 0 ? null : criterion.maxPoints,
			...(criterion.redLine ? { redLineFailed: false } : {})
		}));
		expect(scoreEvaluation(scorecard, scores)).toMatchObject({ total: 100, complete: true });
	});
});
