// Whether an entry's policy is in force today, and when a published entry is due for re-checking. The search
// worker imports isInForce from here: keep this file free of runtime imports.
import type { Entry } from '$lib/db/generated/documents';

export type ValidityState = 'notYetValid' | 'valid' | 'expiringSoon' | 'expired';

export const VALIDITY_LABELS: Record<ValidityState, string> = {
	notYetValid: '未生效',
	valid: '有效',
	expiringSoon: '即将失效',
	expired: '已失效'
};

/** How long a published entry may go without anyone confirming it is still right (陈旧知识点). */
export const DEFAULT_STALE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A validity date: YYYY-MM-DD, or absent ('' in the search's columns, null or undefined in documents). */
type ValidityDate = string | null | undefined;

/**
 * The one rule of what agents may quote on `today` (Beijing's date, see beijingToday): both ends inclusive,
 * an absent end open. Plain strings and no runtime imports: the search worker runs it on 10⁵ entries a query.
 */
export function isInForce(validFrom: ValidityDate, validTo: ValidityDate, today: string): boolean {
	return hasStarted(validFrom, today) && !hasEnded(validTo, today);
}

/** Dates are YYYY-MM-DD and both ends are inclusive: an entry is still valid on its validTo day. */
export function validityState(
	entry: Pick<Entry, 'validFrom' | 'validTo'>,
	today: string,
	soonDays = 30
): ValidityState {
	if (!hasStarted(entry.validFrom, today)) return 'notYetValid';
	if (!entry.validTo) return 'valid';
	if (hasEnded(entry.validTo, today)) return 'expired';
	return entry.validTo <= addDays(today, soonDays) ? 'expiringSoon' : 'valid';
}

function hasStarted(validFrom: ValidityDate, today: string): boolean {
	return !validFrom || validFrom <= today;
}

function hasEnded(validTo: ValidityDate, today: string): boolean {
	if (!validTo) return false;
	return validTo < today;
}

type ReviewDates = Pick<Entry, 'lastReviewedAt' | 'publishedAt' | 'updatedAt'>;

/** The moment the entry needs checking again: staleDays after it was last confirmed right. */
export function reviewDueDate(entry: ReviewDates, staleDays = DEFAULT_STALE_DAYS): string {
	const confirmedAt = entry.lastReviewedAt ?? entry.publishedAt ?? entry.updatedAt;
	return new Date(Date.parse(confirmedAt) + staleDays * DAY_MS).toISOString();
}

/** Only published entries can be stale: drafts and archived entries are nobody's answer yet or any more. */
export function isStale(
	entry: ReviewDates & Pick<Entry, 'status'>,
	now: Date,
	staleDays = DEFAULT_STALE_DAYS
): boolean {
	if (entry.status !== 'published') return false;
	return now.getTime() >= Date.parse(reviewDueDate(entry, staleDays));
}

function addDays(isoDate: string, days: number): string {
	return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
