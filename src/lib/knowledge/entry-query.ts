// Mango selectors for the entry lists (pure). "Every word" is one regular expression of lookaheads tried on
// each question field, so one condition per field serves any number of words.

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a text that contains every word, in any order. */
export function allWordsPattern(text: string): string | null {
	const words = text.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return null;
	return words.map((word) => `(?=[\\s\\S]*${escapeRegex(word)})`).join('');
}

export interface EntrySelectorFilter {
	status?: string;
	/** Words that must all appear in the standard question or in one similar question. */
	text?: string;
}

export function entrySelector(filter: EntrySelectorFilter): Record<string, unknown> {
	const pattern = allWordsPattern(filter.text ?? '');
	return {
		...(filter.status ? { status: filter.status } : {}),
		...(pattern
			? {
					$or: [
						{ standardQuestion: { $regex: pattern } },
						{ similarQuestions: { $elemMatch: { $regex: pattern } } }
					]
				}
			: {})
	};
}

export type EntryQueue = 'all' | 'myDrafts' | 'returned' | 'reviewQueue' | 'expired' | 'stale';

export const QUEUE_LABELS: Record<EntryQueue, string> = {
	all: '全部',
	myDrafts: '我的草稿',
	returned: '退回给我',
	reviewQueue: '待审核',
	expired: '已失效',
	stale: '待复核'
};

export interface QueueContext {
	userName: string;
	/** YYYY-MM-DD */
	today: string;
	/** Entries last confirmed before this instant are stale. */
	staleBefore: string;
}

/** The Mango condition of each work queue; 'returned' also needs {@link isReturnedTo} on the results. */
export function queueSelector(queue: EntryQueue, context: QueueContext): Record<string, unknown> {
	const before = { $lt: context.staleBefore };
	switch (queue) {
		case 'all':
			return {};
		case 'myDrafts':
		case 'returned':
			return {
				$or: [
					{ status: 'draft', createdBy: context.userName },
					{ 'revision.status': 'draft', 'revision.createdBy': context.userName }
				]
			};
		case 'reviewQueue':
			return { $or: [{ status: 'inReview' }, { 'revision.status': 'inReview' }] };
		case 'expired':
			// Mango sorts null before strings, so a missing end date must be excluded explicitly.
			return { status: 'published', validTo: { $gte: '0000-00-00', $lt: context.today } };
		case 'stale':
			return {
				status: 'published',
				$or: [
					{ lastReviewedAt: before },
					{ lastReviewedAt: { $exists: false }, publishedAt: before },
					{ lastReviewedAt: { $exists: false }, publishedAt: { $exists: false }, updatedAt: before }
				]
			};
	}
}

/** A draft whose latest review step was a return: it waits for its author. */
export function isReturnedTo(entry: { history: { action: string }[] }): boolean {
	const last = [...entry.history].reverse().find((event) => event.action !== 'edit');
	return last?.action === 'reject';
}
