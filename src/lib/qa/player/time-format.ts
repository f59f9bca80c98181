// Times in a call as inspectors read them: m:ss, or h:mm:ss past the hour.
export function formatDuration(seconds: number): string {
	const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
	const hours = Math.floor(whole / 3600);
	const minutes = Math.floor((whole % 3600) / 60);
	const rest = String(whole % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Where a comment sits: one moment (`1:05`) or a span (`1:05–1:12`). */
export function formatSpan(startSeconds: number, endSeconds?: number): string {
	return endSeconds === undefined
		? formatDuration(startSeconds)
		: `${formatDuration(startSeconds)}–${formatDuration(endSeconds)}`;
}
