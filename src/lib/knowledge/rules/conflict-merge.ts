// Merging two revisions of one entry that were edited apart (PouchDB keeps both; a person picks per field).
import type { Entry, HistoryEvent } from '$lib/db/generated/documents';
import {
	ENTRY_CONTENT_FIELDS,
	entryContent,
	sameContentField,
	type EntryContent,
	type EntryContentField
} from '../entry-content';

export type ConflictSide = 'winner' | 'loser';
export type ConflictPicks = Partial<Record<EntryContentField, ConflictSide>>;

/** The answer is one choice, made under answerHtml: its plain text always follows its formatting. */
export type ConflictChoiceField = Exclude<EntryContentField, 'answerText'>;

/** Fields whose content differs, in the editor's order; a difference in answer text or formatting reports answerHtml. */
export function conflictingFields(a: EntryContent, b: EntryContent): ConflictChoiceField[] {
	return ENTRY_CONTENT_FIELDS.filter((field): field is ConflictChoiceField => {
		if (field === 'answerText') return false;
		if (field === 'answerHtml')
			return !sameContentField(a, b, 'answerHtml') || !sameContentField(a, b, 'answerText');
		return !sameContentField(a, b, field);
	});
}

/** Publishing is not undone by a merge: a published side wins over a draft, in-review or archived one. */
export function mergedStatus(winner: Pick<Entry, 'status'>, loser: Pick<Entry, 'status'>): Entry['status'] {
	return loser.status === 'published' && winner.status !== 'published' ? 'published' : winner.status;
}

/** The document to save on top of the winner's _rev. */
export function mergeConflict(
	winner: Entry,
	loser: Entry,
	picks: ConflictPicks,
	userName: string,
	now: Date
): Entry {
	const at = now.toISOString();
	const contents = { winner: entryContent(winner), loser: entryContent(loser) };
	const sideOf = (field: EntryContentField): ConflictSide =>
		picks[field === 'answerText' ? 'answerHtml' : field] ?? 'winner';
	const content = Object.fromEntries(
		ENTRY_CONTENT_FIELDS.map((field) => [field, contents[sideOf(field)][field]])
	) as EntryContent;
	const mergeEvent: HistoryEvent = {
		action: 'merge',
		by: userName,
		at,
		comment: `合并冲突版本 ${loser._rev ?? '（无修订号）'}`
	};
	const status = mergedStatus(winner, loser);
	const merged: Entry = {
		...withoutConflictMarkers(winner),
		...content,
		status,
		version: Math.max(winner.version, loser.version),
		history: [...mergeHistories(winner.history, loser.history), mergeEvent],
		updatedBy: userName,
		updatedAt: at
	};
	setOrDrop(merged, 'revision', newerRevision(winner, loser));
	const published = latestPublish(winner, loser);
	setOrDrop(merged, 'publishedAt', published.publishedAt);
	setOrDrop(merged, 'publishedBy', published.publishedBy);
	setOrDrop(merged, 'lastReviewedAt', latestOf(winner.lastReviewedAt, loser.lastReviewedAt));
	setOrDrop(merged, 'reviewer', winner.reviewer ?? loser.reviewer);
	return merged;
}

/** Union of both histories: identical events once, oldest first (a stable sort keeps same-moment order). */
export function mergeHistories(a: HistoryEvent[], b: HistoryEvent[]): HistoryEvent[] {
	const byKey = new Map<string, HistoryEvent>();
	for (const event of [...a, ...b]) {
		const key = JSON.stringify([event.action, event.by, event.at, event.comment ?? null]);
		if (!byKey.has(key)) byKey.set(key, { ...event });
	}
	return [...byKey.values()].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
}

/**
 * The revision edited last wins, wherever it lives; a side without one does not erase the other's,
 * because dropping a colleague's unfinished revision would lose work nobody chose to lose.
 */
function newerRevision(winner: Entry, loser: Entry): Entry['revision'] {
	const [a, b] = [winner.revision, loser.revision];
	if (!a || !b) return structuredClone(a ?? b);
	return structuredClone(Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a);
}

function latestPublish(winner: Entry, loser: Entry): Entry {
	if (!loser.publishedAt) return winner;
	if (!winner.publishedAt) return loser;
	return Date.parse(loser.publishedAt) > Date.parse(winner.publishedAt) ? loser : winner;
}

function latestOf(a: string | undefined, b: string | undefined): string | undefined {
	if (!a || !b) return a ?? b;
	return Date.parse(b) > Date.parse(a) ? b : a;
}

function setOrDrop<K extends 'revision' | 'publishedAt' | 'publishedBy' | 'lastReviewedAt' | 'reviewer'>(
	entry: Entry,
	key: K,
	value: Entry[K]
): void {
	if (value === undefined) delete entry[key];
	else entry[key] = value;
}

/** A document read with `conflicts: true` carries `_conflicts`, which must not be saved back. */
function withoutConflictMarkers(entry: Entry): Entry {
	const copy: Entry & { _conflicts?: string[] } = structuredClone(entry);
	delete copy._conflicts;
	return copy;
}
