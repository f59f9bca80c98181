import { describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { sampleEntry } from './sample-entry.fixture';
import { isInForce, isStale, reviewDueDate, validityState, VALIDITY_LABELS } from './validity';

const TODAY = '2026-03-10';

describe('validity on a given day', () => {
	it.each([
		['no dates at all', null, null, 'valid'],
		['started earlier, no end', '2026-01-01', null, 'valid'],
		['starts today', TODAY, null, 'valid'],
		['starts tomorrow', '2026-03-11', null, 'notYetValid'],
		['starts in the future and already ends soon', '2026-03-20', '2026-03-25', 'notYetValid'],
		['ends today: still valid, soon to end', null, TODAY, 'expiringSoon'],
		['ended yesterday', null, '2026-03-09', 'expired'],
		['ends on the 30th day from now', null, '2026-04-09', 'expiringSoon'],
		['ends on the 31st day from now', null, '2026-04-10', 'valid']
	] as const)('%s', (_case, validFrom, validTo, state) => {
		expect(validityState({ validFrom, validTo }, TODAY)).toBe(state);
	});

	it.each([
		[7, '2026-03-17', 'expiringSoon'],
		[7, '2026-03-18', 'valid'],
		[0, TODAY, 'expiringSoon'],
		[0, '2026-03-11', 'valid']
	] as const)('with a %i-day warning, an end on %s is %s', (soonDays, validTo, state) => {
		expect(validityState({ validTo }, TODAY, soonDays)).toBe(state);
	});

	it('counts the warning days across a month end and a leap day', () => {
		expect(validityState({ validTo: '2028-03-29' }, '2028-02-28')).toBe('expiringSoon');
		expect(validityState({ validTo: '2028-03-30' }, '2028-02-28')).toBe('valid');
	});

	it.each([
		[{ validFrom: '2026-04-01' }, false],
		[{ validTo: '2026-03-09' }, false],
		[{ validTo: TODAY }, true],
		[{ validFrom: TODAY, validTo: null }, true]
	])('%o is in force: %s', (dates, inForce) => {
		expect(isInForce(dates, TODAY)).toBe(inForce);
	});

	it('names every state in Chinese', () => {
		expect(VALIDITY_LABELS).toEqual({
			notYetValid: '未生效',
			valid: '有效',
			expiringSoon: '即将失效',
			expired: '已失效'
		});
	});
});

describe('stale entries', () => {
	const published = sampleEntry({
		updatedAt: '2026-02-01T00:00:00.000Z',
		publishedAt: '2026-01-01T00:00:00.000Z'
	});
	const reviewed = sampleEntry({ ...published, lastReviewedAt: '2026-05-01T00:00:00.000Z' });
	const unpublishedDates = sampleEntry({ publishedAt: undefined, updatedAt: '2026-02-01T00:00:00.000Z' });

	it.each([
		['publishedAt', published, 180, '2026-06-30T00:00:00.000Z'],
		['lastReviewedAt before publishedAt', reviewed, 180, '2026-10-28T00:00:00.000Z'],
		['updatedAt when never published', unpublishedDates, 180, '2026-07-31T00:00:00.000Z'],
		['a custom period', published, 30, '2026-01-31T00:00:00.000Z']
	] as const)('is due for review counting from %s', (_case, entry, days, due) => {
		expect(reviewDueDate(entry, days)).toBe(due);
	});

	it.each([
		['one moment before the 180 days are up', false, published, '2026-06-29T23:59:59.999Z'],
		['when the 180 days are up', true, published, '2026-06-30T00:00:00.000Z'],
		['after a recent review, past 180 days from publishing', false, reviewed, '2026-07-15T00:00:00.000Z'],
		['after a review, past 180 days from that review', true, reviewed, '2026-10-28T00:00:00.000Z'],
		[
			'a draft, however old',
			false,
			sampleEntry({ ...published, status: 'draft' }),
			'2027-01-01T00:00:00.000Z'
		],
		[
			'an archived entry',
			false,
			sampleEntry({ ...published, status: 'archived' }),
			'2027-01-01T00:00:00.000Z'
		]
	] as [string, boolean, Entry, string][])('%s: stale %s', (_case, stale, entry, now) => {
		expect(isStale(entry, new Date(now))).toBe(stale);
	});

	it('takes a custom period', () => {
		expect(isStale(published, new Date('2026-02-01T00:00:00.000Z'), 30)).toBe(true);
	});
});
