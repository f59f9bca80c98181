import { describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { beijingToday } from '$lib/time';
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
		['starts later', '2026-04-01', null, false],
		['ended yesterday', null, '2026-03-09', false],
		['ends today', null, TODAY, true],
		['starts today, no end', TODAY, null, true],
		['starts and ends today', TODAY, TODAY, true],
		['no dates, as the search stores them', '', '', true],
		['no dates, as documents omit them', undefined, undefined, true]
	] as const)('%s: in force %s', (_case, validFrom, validTo, inForce) => {
		expect(isInForce(validFrom, validTo, TODAY)).toBe(inForce);
	});

	it.each(['2026-01-01', TODAY, '2026-03-11', '2026-05-01'])('agrees with the shown state on %s', (today) => {
		for (const dates of [
			{ validFrom: TODAY },
			{ validTo: TODAY },
			{ validFrom: '2026-02-01', validTo: '2026-04-01' }
		]) {
			const state = validityState(dates, today);
			expect(isInForce(dates.validFrom, dates.validTo, today)).toBe(
				state === 'valid' || state === 'expiringSoon'
			);
		}
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

describe('validity on the night shift (Beijing time, UTC+8)', () => {
	// 23:59 on 9 March, then 00:00 and 07:59 on 10 March in Beijing: the UTC date is 9 March at all three.
	const AT_2359 = '2026-03-09T15:59:00.000Z';
	const AT_0000 = '2026-03-09T16:00:00.000Z';
	const AT_0759 = '2026-03-09T23:59:00.000Z';

	it.each([
		['ends 9 March, at 23:59 on its last day', null, '2026-03-09', AT_2359, true],
		['ends 9 March, at 00:00 the day after', null, '2026-03-09', AT_0000, false],
		['ends 9 March, at 07:59 the day after', null, '2026-03-09', AT_0759, false],
		['starts 10 March, at 23:59 the day before', '2026-03-10', null, AT_2359, false],
		['starts 10 March, at 00:00 on its first day', '2026-03-10', null, AT_0000, true],
		['starts 10 March, at 07:59 on its first day', '2026-03-10', null, AT_0759, true]
	] as const)('an entry that %s: in force %s', (_case, validFrom, validTo, now, inForce) => {
		expect(isInForce(validFrom, validTo, beijingToday(new Date(now)))).toBe(inForce);
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
