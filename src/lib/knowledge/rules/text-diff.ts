// Character diff of two texts for highlighting: Chinese has no spaces, so words cannot be the unit.
import { diffChars } from 'diff';

export type SegmentChange = 'same' | 'added' | 'removed';

export interface DiffSegment {
	text: string;
	change: SegmentChange;
}

/** Islands of unchanged text this short, between two changes, are folded into the change. */
const SHORT_ISLAND_LENGTH = 2;
/** Beyond this many edits the texts are simply shown as replaced (keeps a huge rewrite from stalling the UI). */
const MAX_EDIT_LENGTH = 5000;

export function diffTextSegments(before: string, after: string): DiffSegment[] {
	if (before === after) return before ? [{ text: before, change: 'same' }] : [];
	const changes = diffChars(before, after, { maxEditLength: MAX_EDIT_LENGTH });
	if (!changes) return replacedWhole(before, after);
	const segments: DiffSegment[] = changes.map((change) => ({
		text: change.value,
		change: change.added ? 'added' : change.removed ? 'removed' : 'same'
	}));
	return foldShortIslands(segments);
}

function replacedWhole(before: string, after: string): DiffSegment[] {
	const segments: DiffSegment[] = [];
	if (before) segments.push({ text: before, change: 'removed' });
	if (after) segments.push({ text: after, change: 'added' });
	return segments;
}

/**
 * "社保卡补办" → "医疗卡换领" diffs into a confetti of one-character changes around shared characters;
 * folding short shared islands into the surrounding change gives one readable removed/added pair.
 */
export function foldShortIslands(segments: DiffSegment[]): DiffSegment[] {
	const result: DiffSegment[] = [];
	let removed = '';
	let added = '';
	const flush = () => {
		if (removed) result.push({ text: removed, change: 'removed' });
		if (added) result.push({ text: added, change: 'added' });
		removed = '';
		added = '';
	};
	segments.forEach((segment, index) => {
		const between = index > 0 && index < segments.length - 1;
		const isShortIsland =
			segment.change === 'same' && between && [...segment.text].length <= SHORT_ISLAND_LENGTH;
		if (segment.change === 'removed' || isShortIsland) removed += segment.text;
		if (segment.change === 'added' || isShortIsland) added += segment.text;
		if (segment.change === 'same' && !isShortIsland) {
			flush();
			result.push(segment);
		}
	});
	flush();
	return result;
}
