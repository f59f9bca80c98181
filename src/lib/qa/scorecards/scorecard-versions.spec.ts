import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/db/generated/documents';
import { assertValidDocument } from '$lib/db/validation';
import { defaultScorecards } from './default-scorecards';
import { editCriterion } from './scorecard-edit';
import { RetiredScorecardError, reviseScorecard, scorecardId } from './scorecard-versions';

const current: Scorecard = {
	...defaultScorecards[0]!,
	_rev: '3-abc',
	updatedBy: 'system',
	updatedAt: '2026-11-01T00:00:00.000Z'
};
const edited: Scorecard = {
	...editCriterion(current, 'warmth', { maxPoints: 6 }),
	name: '12345 评分表（2027 修订）'
};
const context = { user: 'supervisor01', now: '2026-11-22T08:00:00.000Z' };

describe('reviseScorecard', () => {
	it('changes an unused version in place, keeping its _rev so the write replaces it', () => {
		const revision = reviseScorecard(current, edited, { ...context, used: false });
		expect(revision.newVersion).toBe(false);
		expect(revision.documents).toHaveLength(1);
		const [saved] = revision.documents;
		expect(saved).toMatchObject({
			_id: 'scorecard:hotline-12345-v1',
			_rev: '3-abc',
			version: 1,
			name: '12345 评分表（2027 修订）',
			updatedBy: 'supervisor01',
			updatedAt: context.now
		});
		expect(saved!.sections[0]!.criteria[0]!.maxPoints).toBe(6);
		expect(() => assertValidDocument(saved!)).not.toThrow();
	});

	it('writes no _rev for a document never stored', () => {
		const { _rev: _unused, ...fresh } = current;
		const [saved] = reviseScorecard(fresh, edited, { ...context, used: false }).documents;
		expect(saved).not.toHaveProperty('_rev');
	});

	it('writes a used version’s edit as the next version and retires the old one unchanged', () => {
		const revision = reviseScorecard(current, edited, { ...context, used: true });
		expect(revision.newVersion).toBe(true);
		const [old, next] = revision.documents;
		expect(old).toEqual({
			...current,
			retired: true,
			...{ updatedBy: context.user, updatedAt: context.now }
		});
		expect(old!.sections).toEqual(current.sections);
		expect(next).toMatchObject({
			_id: scorecardId('hotline-12345', 2),
			family: 'hotline-12345',
			version: 2,
			name: '12345 评分表（2027 修订）',
			updatedBy: 'supervisor01'
		});
		expect(next).not.toHaveProperty('_rev');
		expect(next).not.toHaveProperty('retired');
		expect(next!.sections[0]!.criteria[0]!.maxPoints).toBe(6);
		for (const document of revision.documents) expect(() => assertValidDocument(document)).not.toThrow();
	});

	it('takes identity and version from the stored card, never from the edit', () => {
		const forged: Scorecard = {
			...edited,
			_id: 'scorecard:other-v9',
			family: 'other',
			version: 9,
			retired: true
		};
		const [, next] = reviseScorecard(current, forged, { ...context, used: true }).documents;
		expect(next).toMatchObject({ _id: 'scorecard:hotline-12345-v2', family: 'hotline-12345', version: 2 });
		expect(next).not.toHaveProperty('retired');
		const [inPlace] = reviseScorecard(current, forged, { ...context, used: false }).documents;
		expect(inPlace).toMatchObject({ _id: current._id, family: 'hotline-12345', version: 1 });
		expect(inPlace).not.toHaveProperty('retired');
	});

	it('counts on from the version it revises', () => {
		const third = { ...current, _id: scorecardId('hotline-12345', 3), version: 3 };
		const [, next] = reviseScorecard(third, edited, { ...context, used: true }).documents;
		expect(next).toMatchObject({ _id: 'scorecard:hotline-12345-v4', version: 4 });
	});

	it('refuses to revise a retired version: its successor exists already', () => {
		expect(() => reviseScorecard({ ...current, retired: true }, edited, { ...context, used: true })).toThrow(
			RetiredScorecardError
		);
	});
});
