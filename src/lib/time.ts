// The current moment as stored in documents (UTC ISO 8601), and "today" as the hotline lives it: in Beijing.
export function nowIso(): string {
	return new Date().toISOString();
}

/** China keeps UTC+8 all year (no daylight saving); fixed rather than the machine's zone, so every PC agrees. */
export const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Beijing's date at `now` (YYYY-MM-DD). Read it when it is needed, never once per screen: the UTC date is
 * still yesterday's from 00:00 to 08:00, which kept expired entries quotable on the night shift.
 */
export function beijingToday(now: Date = new Date()): string {
	return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
