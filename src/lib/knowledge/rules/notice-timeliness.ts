// 知识库更新及时率: every entry a change notice affects must be published within 24 h of its receipt.
import type { ChangeNotice, Entry, HistoryEvent } from '$lib/db/generated/documents';

export const NOTICE_DEADLINE_HOURS = 24;
const HOUR_MS = 60 * 60 * 1000;

type Notice = Pick<ChangeNotice, 'receivedAt' | 'affectedEntries'>;

export interface NoticeState {
	deadline: string;
	/** every affected entry was published after the notice arrived */
	done: boolean;
	/** when the last of them was published */
	doneAt?: string;
	/** null while still pending and the deadline has not passed */
	onTime: boolean | null;
	/** still pending after the deadline */
	overdue: boolean;
	pendingEntryIds: string[];
}

export interface TimelinessRate {
	onTime: number;
	total: number;
	/** onTime ÷ total, null when no notice counts yet */
	rate: number | null;
}

export function noticeDeadline(notice: Pick<ChangeNotice, 'receivedAt'>): string {
	return new Date(Date.parse(notice.receivedAt) + NOTICE_DEADLINE_HOURS * HOUR_MS).toISOString();
}

/** The earliest publish of the entry at or after `since` (timestamps compared as instants). */
export function publishedAfter(entry: Pick<Entry, 'history'>, since: string): HistoryEvent | undefined {
	const sinceMs = Date.parse(since);
	let first: HistoryEvent | undefined;
	for (const event of entry.history) {
		if (event.action !== 'publish' || Date.parse(event.at) < sinceMs) continue;
		if (!first || Date.parse(event.at) < Date.parse(first.at)) first = event;
	}
	return first;
}

/** An entry missing from `entriesById` counts as not yet published; a notice with no entries is never done. */
export function noticeState(notice: Notice, entriesById: Map<string, Entry>, now: Date): NoticeState {
	const deadline = noticeDeadline(notice);
	const pendingEntryIds: string[] = [];
	let lastPublish: HistoryEvent | undefined;
	for (const id of notice.affectedEntries) {
		const entry = entriesById.get(id);
		const publish = entry && publishedAfter(entry, notice.receivedAt);
		if (!publish) pendingEntryIds.push(id);
		else if (!lastPublish || Date.parse(publish.at) > Date.parse(lastPublish.at)) lastPublish = publish;
	}
	const deadlineMs = Date.parse(deadline);
	if (lastPublish && pendingEntryIds.length === 0) {
		const onTime = Date.parse(lastPublish.at) <= deadlineMs;
		return { deadline, done: true, doneAt: lastPublish.at, onTime, overdue: false, pendingEntryIds };
	}
	const overdue = now.getTime() > deadlineMs;
	return { deadline, done: false, onTime: overdue ? false : null, overdue, pendingEntryIds };
}

/**
 * Over notices received in [from, to) (ISO dates or UTC timestamps). A notice still pending inside its
 * 24 h is left out of the denominator: it can still be on time, and counting it as a failure would make
 * the rate dip every time a notice arrives. Late and overdue notices count as not on time.
 */
export function timelinessRate(
	notices: Notice[],
	entriesById: Map<string, Entry>,
	from: string,
	to: string,
	now: Date
): TimelinessRate {
	const fromMs = Date.parse(from);
	const toMs = Date.parse(to);
	let onTime = 0;
	let total = 0;
	for (const notice of notices) {
		const receivedMs = Date.parse(notice.receivedAt);
		if (receivedMs < fromMs || receivedMs >= toMs) continue;
		const state = noticeState(notice, entriesById, now);
		if (state.onTime === null) continue;
		total += 1;
		if (state.onTime) onTime += 1;
	}
	return { onTime, total, rate: total > 0 ? onTime / total : null };
}
