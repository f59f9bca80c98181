// Dates of stored timestamps as the hotline sees them: Beijing time (UTC+8, no daylight saving). Fixed rather
// than the machine's zone, so a compilation or an export reads the same on every PC and in tests.
import { BEIJING_OFFSET_MS } from '$lib/time';

/** "2026-01-31T20:00:00.000Z" → "2026-02-01" */
export function beijingDate(timestamp: string): string {
	return new Date(Date.parse(timestamp) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-01-31T20:00:00.000Z" → "2026-02-01 04:00" */
export function beijingDateTime(timestamp: string): string {
	return new Date(Date.parse(timestamp) + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
