// Which transcript segment is playing: a binary search, because playback reports the time several times a
// second and a 60-minute call has a thousand segments.
export interface TimedSegment {
	startSeconds: number;
	endSeconds: number;
}

/** Index of the last segment starting at or before the time, if the time falls inside it; else -1. */
export function segmentAt(segments: readonly TimedSegment[], seconds: number): number {
	let low = 0;
	let high = segments.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (segments[middle]!.startSeconds <= seconds) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	return found >= 0 && seconds < segments[found]!.endSeconds ? found : -1;
}
