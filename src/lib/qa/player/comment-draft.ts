// A comment being written on the waveform: pinned to a moment or to a dragged span, rounded to a tenth of a
// second. A drag too short to mean a span is taken as a moment.
import type { PlayerComment } from '../components/player-types';

export type NewComment = Omit<PlayerComment, 'id'>;

export interface DraftSpan {
	startSeconds: number;
	endSeconds?: number;
}

export const SHORTEST_SPAN_SECONDS = 0.5;

const tenth = (seconds: number) => Math.round(seconds * 10) / 10;

export function draftSpan(
	startSeconds: number,
	endSeconds: number | undefined,
	durationSeconds: number
): DraftSpan {
	const clamp = (seconds: number) => Math.min(Math.max(0, seconds), Math.max(0, durationSeconds));
	const start = tenth(clamp(startSeconds));
	if (endSeconds === undefined) return { startSeconds: start };
	const end = tenth(clamp(endSeconds));
	return end - start >= SHORTEST_SPAN_SECONDS
		? { startSeconds: start, endSeconds: end }
		: { startSeconds: start };
}

/** The comment to save, or null while there is no text. */
export function commentFromDraft(
	span: DraftSpan,
	text: string,
	criterionKey: string,
	problemTag = ''
): NewComment | null {
	const trimmed = text.trim();
	if (!trimmed) return null;
	return {
		startSeconds: span.startSeconds,
		...(span.endSeconds !== undefined ? { endSeconds: span.endSeconds } : {}),
		text: trimmed,
		...(criterionKey ? { criterionKey } : {}),
		...(problemTag ? { problemTags: [problemTag] } : {})
	};
}
