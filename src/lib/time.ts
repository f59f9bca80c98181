// The current moment as stored in documents (UTC ISO 8601) and as shown for "today".
export function nowIso(): string {
	return new Date().toISOString();
}

export function todayIso(): string {
	return nowIso().slice(0, 10);
}
