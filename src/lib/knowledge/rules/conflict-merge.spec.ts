import { describe, expect, it } from 'vitest';
import type { Entry, Revision } from '$lib/db/generated/documents';
import { validateDocument } from '$lib/db/validation';
import { entryContent } from '../entry-content';
import { conflictingFields, mergeConflict, mergeHistories, mergedStatus } from './conflict-merge';
import { sampleEntry } from './sample-entry.fixture';

const NOW = new Date('2026-03-05T08:00:00.000Z');
const common = sampleEntry();
const mine = sampleEntry({
	_rev: '4-mine',
	standardQuestion: '社保卡丢失后如何补办？',
	keywords: ['社保卡', '补办', '挂失'],
	updatedBy: 'editor01',
	updatedAt: '2026-03-04T02:00:00.000Z',
	history: [...common.history, { action: 'edit', by: 'editor01', at: '2026-03-04T02:00:00.000Z' }]
});
const theirs = sampleEntry({
	_rev: '4-theirs',
	answerHtml: '<p>补办只需身份证。</p>',
	answerText: '补办只需身份证。',
	keywords: ['社保卡', '补卡'],
	region: '杭州市',
	updatedBy: 'editor02',
	updatedAt: '2026-03-03T02:00:00.000Z',
	history: [...common.history, { action: 'edit', by: 'editor02', at: '2026-03-03T02:00:00.000Z' }]
});

function revision(updatedAt: string, answerText: string): Revision {
	return {
		...entryContent(common),
		answerText,
		answerHtml: `<p>${answerText}</p>`,
		status: 'draft',
		baseVersion: 2,
		createdBy: 'editor01',
		createdAt: '2026-03-01T00:00:00.000Z',
		updatedBy: 'editor01',
		updatedAt
	};
}

describe('fields in conflict', () => {
	it('lists the differing fields in editing order', () => {
		expect(conflictingFields(entryContent(mine), entryContent(theirs))).toEqual([
			'standardQuestion',
			'answerHtml',
			'keywords',
			'region'
		]);
	});

	it.each([
		['the formatting only', { answerHtml: '<p><b>社保卡补办需要带身份证原件和一寸照片。</b></p>' }],
		['the plain text only', { answerText: '改过的纯文本' }]
	])('reports the answer as one choice when %s differs', (_case, change) => {
		expect(conflictingFields(entryContent(common), entryContent({ ...common, ...change }))).toEqual([
			'answerHtml'
		]);
	});

	it('finds nothing to choose between equal contents', () => {
		expect(
			conflictingFields(entryContent(mine), entryContent(sampleEntry({ ...mine, status: 'draft' })))
		).toEqual([]);
	});
});

describe('merging two revisions', () => {
	it.each([
		[
			'no picks: the winner everywhere',
			{},
			{ standardQuestion: mine.standardQuestion, keywords: mine.keywords, region: '全省' }
		],
		[
			'their answer and region, my question',
			{ answerHtml: 'loser', region: 'loser', standardQuestion: 'winner' },
			{
				standardQuestion: mine.standardQuestion,
				answerHtml: '<p>补办只需身份证。</p>',
				answerText: '补办只需身份证。',
				region: '杭州市',
				keywords: mine.keywords
			}
		],
		[
			'answerText follows answerHtml, not its own pick',
			{ answerHtml: 'winner', answerText: 'loser' },
			{ answerHtml: mine.answerHtml, answerText: mine.answerText }
		],
		['their keywords', { keywords: 'loser' }, { keywords: ['社保卡', '补卡'] }]
	] as const)('%s', (_case, picks, expected) => {
		const merged = mergeConflict(mine, theirs, picks, 'reviewer01', NOW);
		expect(merged).toMatchObject(expected);
	});

	it('is a valid document saved on top of the winner, stamped by the person merging', () => {
		const merged = mergeConflict(
			{ ...mine, _conflicts: ['4-theirs'] } as Entry,
			theirs,
			{},
			'reviewer01',
			NOW
		);
		expect(validateDocument(merged)).toEqual({ ok: true });
		expect(merged).toMatchObject({
			_id: mine._id,
			_rev: '4-mine',
			updatedBy: 'reviewer01',
			updatedAt: NOW.toISOString()
		});
		expect(merged).not.toHaveProperty('_conflicts');
	});

	it('does not share arrays with either side', () => {
		const merged = mergeConflict(mine, theirs, { keywords: 'loser' }, 'reviewer01', NOW);
		merged.keywords.push('改动');
		merged.history.push({ action: 'x', by: 'y', at: NOW.toISOString() });
		expect(theirs.keywords).toEqual(['社保卡', '补卡']);
		expect(mine.history).toHaveLength(4);
	});

	it('unites both histories once each, oldest first, and records the merge last', () => {
		const merged = mergeConflict(mine, theirs, {}, 'reviewer01', NOW);
		expect(merged.history).toEqual([
			{ action: 'create', by: 'editor01', at: '2026-01-05T02:00:00.000Z' },
			{ action: 'publish', by: 'reviewer01', at: '2026-01-06T02:00:00.000Z' },
			{ action: 'publish', by: 'reviewer01', at: '2026-02-01T02:00:00.000Z' },
			{ action: 'edit', by: 'editor02', at: '2026-03-03T02:00:00.000Z' },
			{ action: 'edit', by: 'editor01', at: '2026-03-04T02:00:00.000Z' },
			{ action: 'merge', by: 'reviewer01', at: NOW.toISOString(), comment: '合并冲突版本 4-theirs' }
		]);
	});

	it('keeps events that differ only in their comment, and sorts by moment whatever the spelling', () => {
		const at = '2026-03-01T00:00:00.000Z';
		expect(
			mergeHistories(
				[
					{ action: 'reject', by: 'reviewer01', at, comment: '请补充依据' },
					{ action: 'edit', by: 'editor01', at: '2026-03-02T00:00:00Z' }
				],
				[
					{ action: 'reject', by: 'reviewer01', at, comment: '请补充依据' },
					{ action: 'reject', by: 'reviewer01', at, comment: '答案有误' },
					{ action: 'create', by: 'editor01', at: '2026-02-28T00:00:00.000Z' }
				]
			).map((event) => event.comment ?? event.action)
		).toEqual(['create', '请补充依据', '答案有误', 'edit']);
	});

	it.each([
		['draft', 'published', 'published'],
		['inReview', 'published', 'published'],
		['archived', 'published', 'published'],
		['published', 'draft', 'published'],
		['inReview', 'draft', 'inReview'],
		['archived', 'draft', 'archived']
	] as const)(
		'a %s winner and a %s loser merge as %s: publishing is never undone',
		(winnerStatus, loserStatus, status) => {
			expect(mergedStatus({ status: winnerStatus }, { status: loserStatus })).toBe(status);
		}
	);

	it('takes the publication from the side that published', () => {
		const draftWinner = sampleEntry({
			...mine,
			status: 'draft',
			publishedAt: undefined,
			publishedBy: undefined
		});
		const publishedLoser = sampleEntry({
			...theirs,
			publishedAt: '2026-03-03T02:00:00.000Z',
			publishedBy: 'admin01'
		});
		const merged = mergeConflict(draftWinner, publishedLoser, {}, 'reviewer01', NOW);
		expect(merged).toMatchObject({
			status: 'published',
			publishedAt: '2026-03-03T02:00:00.000Z',
			publishedBy: 'admin01'
		});
	});

	it('keeps the higher version number and the latest review', () => {
		const merged = mergeConflict(
			{ ...mine, version: 3, lastReviewedAt: '2026-02-10T00:00:00.000Z' },
			{ ...theirs, version: 4, lastReviewedAt: '2026-03-01T00:00:00.000Z' },
			{},
			'reviewer01',
			NOW
		);
		expect(merged).toMatchObject({ version: 4, lastReviewedAt: '2026-03-01T00:00:00.000Z' });
	});

	it.each([
		['the winner edited it last', '2026-03-04T00:00:00.000Z', '2026-03-03T00:00:00.000Z', '我的修订'],
		['the loser edited it last', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z', '他们的修订'],
		['only the winner has one', '2026-03-03T00:00:00.000Z', null, '我的修订'],
		['only the loser has one', null, '2026-03-03T00:00:00.000Z', '他们的修订'],
		['neither has one', null, null, undefined]
	])('keeps the revision edited last: %s', (_case, mineAt, theirsAt, answerText) => {
		const merged = mergeConflict(
			{ ...mine, ...(mineAt && { revision: revision(mineAt, '我的修订') }) },
			{ ...theirs, ...(theirsAt && { revision: revision(theirsAt, '他们的修订') }) },
			{},
			'reviewer01',
			NOW
		);
		expect(merged.revision?.answerText).toBe(answerText);
		if (!answerText) expect(merged).not.toHaveProperty('revision');
	});
});
