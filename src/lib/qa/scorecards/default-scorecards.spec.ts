import { describe, expect, it } from 'vitest';
import { assertValidDocument } from '$lib/db/validation';
import { criteriaOf, scoreEvaluation } from '../scoring/score-evaluation';
import { withUndecidedAtFullPoints } from '../scoring/score-lines';
import { defaultScorecards } from './default-scorecards';
import { checkScorecard } from './scorecard-checks';
import { scorecardId } from './scorecard-versions';

const stamped = defaultScorecards.map((shipped) => ({
	...shipped,
	updatedBy: 'system',
	updatedAt: '2026-11-01T00:00:00.000Z'
}));

describe.each(stamped)('the shipped scorecard $name', (scorecard) => {
	const criteria = criteriaOf(scorecard);

	it('matches its schema, and its _id names its family and version', () => {
		expect(() => assertValidDocument(scorecard)).not.toThrow();
		expect(scorecard._id).toBe(scorecardId(scorecard.family, 1));
		expect(scorecard.version).toBe(1);
	});

	it('passes the builder checks', () => {
		expect(checkScorecard(scorecard)).toEqual([]);
	});

	it('has unique criterion keys and unique section keys', () => {
		expect(new Set(criteria.map((criterion) => criterion.key)).size).toBe(criteria.length);
		const sections = scorecard.sections.map((section) => section.key);
		expect(new Set(sections).size).toBe(sections.length);
	});

	it('has maximum points summing to 100 and no weights', () => {
		expect(criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0)).toBe(100);
		expect(criteria.some((criterion) => criterion.weight !== undefined)).toBe(false);
	});

	it('has red lines without points, and deduction options on every scored item', () => {
		const redLines = criteria.filter((criterion) => criterion.redLine);
		expect(redLines.length).toBeGreaterThanOrEqual(3);
		for (const criterion of redLines) expect(criterion.maxPoints).toBe(0);
		for (const criterion of criteria.filter((candidate) => !candidate.redLine))
			expect(criterion.deductions?.length ?? 0).toBeGreaterThan(0);
	});

	it('scores 100 when every item earns full points and no red line fails', () => {
		expect(scoreEvaluation(scorecard, withUndecidedAtFullPoints(scorecard, []))).toMatchObject({
			total: 100,
			complete: true
		});
	});
});

describe('the shipped scorecards', () => {
	const [hotline, youth] = stamped;

	it('are the 12345 and 12355 cards', () => {
		expect(stamped.map((card) => [card.family, card.hotline, card.name])).toEqual([
			['hotline-12345', '12345', '12345政务服务便民热线通话质检评分表'],
			['youth-12355', '12355', '12355青少年服务热线通话质检评分表']
		]);
	});

	it('12345 has the three red lines of the hotline', () => {
		expect(
			criteriaOf(hotline!)
				.filter((criterion) => criterion.redLine)
				.map((criterion) => criterion.key)
		).toEqual(['abuse', 'privacy', 'wrong-policy']);
	});

	it('12355 puts the missed crisis red line under 危机识别与转介', () => {
		const crisis = youth!.sections.find((section) => section.name === '危机识别与转介');
		expect(crisis?.criteria.find((criterion) => criterion.redLine)).toMatchObject({
			key: 'missed-crisis',
			name: '未识别或未处置危机情况'
		});
	});

	it('a failed red line zeroes a shipped card', () => {
		const scores = withUndecidedAtFullPoints(hotline!, []).map((score) =>
			score.criterionKey === 'privacy' ? { ...score, redLineFailed: true } : score
		);
		expect(scoreEvaluation(hotline!, scores).total).toBe(0);
	});
});
