import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/db/generated/documents';
import { assertValidDocument } from '$lib/db/validation';
import { criteriaOf } from '../scoring/score-evaluation';
import {
	addCriterion,
	addDeduction,
	addSection,
	editCriterion,
	editDeduction,
	moveCriterion,
	moveDeduction,
	moveSection,
	newScorecard,
	newScorecardFamily,
	removeCriterion,
	removeDeduction,
	removeSection,
	renameSection,
	setAllowNotApplicable,
	setRedLine,
	tidyScorecard,
	unusedKey
} from './scorecard-edit';

const NOW = '2026-11-22T08:00:00.000Z';

/** Two sections: s1 holds a, b; s2 holds c. */
function draft(): Scorecard {
	const item = (key: string) => ({
		key,
		name: key,
		maxPoints: 10,
		redLine: false,
		allowNotApplicable: false
	});
	return {
		...newScorecard({ name: '测试', family: 'card-test', user: 'supervisor01', now: NOW }),
		sections: [
			{ key: 's1', name: '一', criteria: [item('a'), item('b')] },
			{ key: 's2', name: '二', criteria: [item('c')] }
		]
	};
}

const layout = (scorecard: Scorecard) =>
	scorecard.sections.map((section) => `${section.key}:${section.criteria.map((item) => item.key).join(',')}`);

describe('keys', () => {
	it('takes the smallest free number', () => {
		expect(unusedKey('item', new Set())).toBe('item-1');
		expect(unusedKey('item', new Set(['item-1', 'item-2', 'item-4']))).toBe('item-3');
	});

	it.each([
		['12345 回访质检评分表', [], 'card-12345'],
		['12345 回访质检评分表', ['card-12345'], 'card-12345-1'],
		['12345 回访质检评分表', ['card-12345', 'card-12345-1'], 'card-12345-2'],
		['政务热线评分表', [], 'card'],
		['政务热线评分表', ['card'], 'card-1'],
		['Hotline QA  (2027)', [], 'card-hotline-qa-2027'],
		['x'.repeat(60), [], `card-${'x'.repeat(30)}`]
	])('newScorecardFamily(%j, %j) = %s', (name, taken, family) => {
		expect(newScorecardFamily(name, taken)).toBe(family);
		expect(family).toMatch(/^[a-z0-9-]{1,40}$/);
	});

	it('starts a new card as a valid document of version 1 once it has names', () => {
		const card = newScorecard({
			name: '新评分表',
			family: 'card-new',
			user: 'supervisor01',
			now: NOW,
			hotline: '12345'
		});
		expect(card).toMatchObject({ _id: 'scorecard:card-new-v1', version: 1, hotline: '12345' });
		const named = editCriterion(renameSection(card, 'section-1', '服务态度'), 'item-1', { name: '亲和力' });
		expect(() => assertValidDocument(named)).not.toThrow();
	});
});

describe('sections', () => {
	it('adds a section with one blank item and fresh keys', () => {
		const added = addSection(draft(), '派单准确性');
		expect(added.sections[2]).toEqual({
			key: 'section-1',
			name: '派单准确性',
			criteria: [{ key: 'item-1', name: '', maxPoints: 10, redLine: false, allowNotApplicable: false }]
		});
		const again = addSection(added);
		expect(again.sections[3]!.key).toBe('section-2');
		expect(again.sections[3]!.criteria[0]!.key).toBe('item-2');
	});

	it('renames and removes a section', () => {
		expect(renameSection(draft(), 's2', '业务能力').sections[1]!.name).toBe('业务能力');
		expect(layout(removeSection(draft(), 's1'))).toEqual(['s2:c']);
	});

	it.each([
		['s2', -1, ['s2:c', 's1:a,b']],
		['s1', 1, ['s2:c', 's1:a,b']],
		['s1', -1, ['s1:a,b', 's2:c']],
		['s2', 1, ['s1:a,b', 's2:c']],
		['missing', 1, ['s1:a,b', 's2:c']]
	] as const)('moves section %s by %d', (key, offset, expected) => {
		expect(layout(moveSection(draft(), key, offset))).toEqual(expected);
	});

	it('never changes the draft it was given', () => {
		const original = draft();
		const copy = structuredClone(original);
		addSection(original);
		moveSection(original, 's1', 1);
		editCriterion(original, 'a', { name: '改' });
		removeCriterion(original, 'b');
		addDeduction(original, 'a');
		expect(original).toEqual(copy);
	});
});

describe('criteria', () => {
	it('adds an item at the end of a section with a key unused anywhere on the card', () => {
		const { scorecard, key } = addCriterion(draft(), 's2', { name: '分类准确', maxPoints: 8 });
		expect(key).toBe('item-1');
		expect(scorecard.sections[1]!.criteria[1]).toEqual({
			key: 'item-1',
			name: '分类准确',
			maxPoints: 8,
			redLine: false,
			allowNotApplicable: false
		});
	});

	it('edits an item but never its key', () => {
		const edited = editCriterion(draft(), 'a', { name: '亲和力', maxPoints: 8, weight: 20 });
		expect(edited.sections[0]!.criteria[0]).toMatchObject({
			key: 'a',
			name: '亲和力',
			maxPoints: 8,
			weight: 20
		});
		const unweighted = editCriterion(edited, 'a', { weight: undefined });
		expect(unweighted.sections[0]!.criteria[0]).not.toHaveProperty('weight');
		const patch = { key: 'z' } as unknown as Parameters<typeof editCriterion>[2];
		expect(editCriterion(draft(), 'a', patch).sections[0]!.criteria[0]!.key).toBe('a');
	});

	it('drops an emptied description', () => {
		const described = editCriterion(draft(), 'a', { description: '说明' });
		expect(editCriterion(described, 'a', { description: '' }).sections[0]!.criteria[0]).not.toHaveProperty(
			'description'
		);
	});

	it('toggles red line and N/A', () => {
		let card = setRedLine(draft(), 'b', true);
		card = setAllowNotApplicable(card, 'c', true);
		expect(criteriaOf(card).map((item) => [item.key, item.redLine, item.allowNotApplicable])).toEqual([
			['a', false, false],
			['b', true, false],
			['c', false, true]
		]);
		expect(setRedLine(card, 'b', false).sections[0]!.criteria[1]!.redLine).toBe(false);
	});

	it('removes an item', () => {
		expect(layout(removeCriterion(draft(), 'a'))).toEqual(['s1:b', 's2:c']);
	});

	it.each([
		['b', -1, ['s1:b,a', 's2:c']],
		['a', 1, ['s1:b,a', 's2:c']],
		['b', 1, ['s1:a', 's2:b,c']],
		['c', -1, ['s1:a,b,c', 's2:']],
		['a', -1, ['s1:a,b', 's2:c']],
		['c', 1, ['s1:a,b', 's2:c']],
		['missing', 1, ['s1:a,b', 's2:c']]
	] as const)('moves item %s by %d, across section edges', (key, offset, expected) => {
		expect(layout(moveCriterion(draft(), key, offset))).toEqual(expected);
	});
});

describe('deduction options', () => {
	it('adds, edits, moves and removes options', () => {
		let card = addDeduction(draft(), 'a', { points: 2, reason: '语气生硬' });
		card = addDeduction(card, 'a');
		card = editDeduction(card, 'a', 1, { reason: '打断来电人', points: 3 });
		expect(card.sections[0]!.criteria[0]!.deductions).toEqual([
			{ points: 2, reason: '语气生硬' },
			{ points: 3, reason: '打断来电人' }
		]);
		card = moveDeduction(card, 'a', 1, -1);
		expect(card.sections[0]!.criteria[0]!.deductions!.map((option) => option.reason)).toEqual([
			'打断来电人',
			'语气生硬'
		]);
		card = removeDeduction(card, 'a', 0);
		expect(card.sections[0]!.criteria[0]!.deductions).toEqual([{ points: 2, reason: '语气生硬' }]);
		card = removeDeduction(card, 'a', 0);
		expect(card.sections[0]!.criteria[0]).not.toHaveProperty('deductions');
	});
});

describe('tidyScorecard', () => {
	it('trims names and reasons and drops empty descriptions and option lists', () => {
		let card: Scorecard = { ...draft(), name: ' 评分表 ', description: '  ' };
		card = renameSection(card, 's1', ' 服务态度 ');
		card = editCriterion(card, 'a', { name: ' 亲和力 ', description: ' ', deductions: [] });
		card = addDeduction(card, 'b', { points: 1, reason: ' 语气生硬 ' });
		const tidy = tidyScorecard(card);
		expect(tidy.name).toBe('评分表');
		expect(tidy).not.toHaveProperty('description');
		expect(tidy.sections[0]!.name).toBe('服务态度');
		expect(tidy.sections[0]!.criteria[0]).toEqual({
			key: 'a',
			name: '亲和力',
			maxPoints: 10,
			redLine: false,
			allowNotApplicable: false
		});
		expect(tidy.sections[0]!.criteria[1]!.deductions).toEqual([{ points: 1, reason: '语气生硬' }]);
	});
});
