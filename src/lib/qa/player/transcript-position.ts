// Which transcript segment is playing. Playback reports the time every animation frame and a 60-minute call
// has about a thousand segments, so the lookup is a binary search over a timeline built once per transcript.
export interface TimedSegment {
	startSeconds: number;
	endSeconds: number;
}

export interface SegmentTimeline<Segment extends TimedSegment = TimedSegment> {
	/** In order of start time. */
	readonly segments: readonly Segment[];
	/** The latest end among segments 0…i: whether an earlier segment still runs when a later one has ended. */
	readonly latestEndSoFar: Float64Array;
}

/** The segments in order of start time: the same array when they already are (the usual case). */
export function inTimeOrder<Segment extends TimedSegment>(segments: readonly Segment[]): readonly Segment[] {
	for (let i = 1; i < segments.length; i++)
		if (segments[i]!.startSeconds < segments[i - 1]!.startSeconds)
			return [...segments].sort((a, b) => a.startSeconds - b.startSeconds);
	return segments;
}

export function segmentTimeline<Segment extends TimedSegment>(
	segments: readonly Segment[]
): SegmentTimeline<Segment> {
	const ordered = inTimeOrder(segments);
	const latestEndSoFar = new Float64Array(ordered.length);
	let latest = -Infinity;
	ordered.forEach((segment, index) => {
		latest = Math.max(latest, segment.endSeconds);
		latestEndSoFar[index] = latest;
	});
	return { segments: ordered, latestEndSoFar };
}

/**
 * Index (into `timeline.segments`) of the latest-starting segment that is playing at `seconds`, or -1 in a
 * pause. When agent and caller talk over each other, the one who started last is the one marked.
 */
export function segmentAt(timeline: SegmentTimeline, seconds: number): number {
	const { segments, latestEndSoFar } = timeline;
	let low = 0;
	let high = segments.length - 1;
	let started = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (segments[middle]!.startSeconds <= seconds) {
			started = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	// Walk back only while some earlier segment may still be running: one or two steps for real overlaps.
	for (let index = started; index >= 0 && latestEndSoFar[index]! > seconds; index--)
		if (segments[index]!.endSeconds > seconds) return index;
	return -1;
}

/**
 * The scroll position that brings a list item into view, a third of the way down, or null when it is
 * already fully visible (the list stays still, so the inspector can read along).
 */
export function scrollTopToReveal(
	itemTop: number,
	itemHeight: number,
	viewTop: number,
	viewHeight: number
): number | null {
	if (itemTop >= viewTop && itemTop + itemHeight <= viewTop + viewHeight) return null;
	return Math.max(0, Math.round(itemTop - viewHeight / 3));
}
