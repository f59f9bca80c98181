// Reading single cells of an entry sheet: dates as editors type them, lists, entry types, and the
// normalized form of a question that duplicate checks compare.
import type { Entry } from '$lib/db/generated/documents';
import { TEMPLATE_LABELS } from '../labels';

/** Full-width → half-width (NFKC), case, runs of spaces and a trailing question mark do not make a question new. */
export function normalizeQuestion(question: string): string {
	return question
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\s*\?+$/, '');
}

const SEPARATED_DATE =
	/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** 2026-01-31, 2026/1/31, 2026.1.31, 2026年1月31日 or 20260131 → "2026-01-31"; null when not a real date. */
export function parseImportDate(text: string): string | null {
	const value = text.normalize('NFKC').trim();
	const match = SEPARATED_DATE.exec(value) ?? COMPACT_DATE.exec(value);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
		return null;
	return date.toISOString().slice(0, 10);
}

const TEMPLATE_BY_NAME = new Map<string, Entry['template']>(
	Object.entries(TEMPLATE_LABELS).flatMap(([template, label]) => [
		[label, template as Entry['template']],
		[template.toLowerCase(), template as Entry['template']]
	])
);

/** 办事指南 / 政策法规 / 常见问题 / 案例 (or the English key); an empty cell means 常见问题. */
export function parseTemplate(text: string): Entry['template'] | null {
	const value = text.normalize('NFKC').trim();
	if (!value) return 'faq';
	return TEMPLATE_BY_NAME.get(value) ?? TEMPLATE_BY_NAME.get(value.toLowerCase()) ?? null;
}

function splitOn(text: string, separators: RegExp): string[] {
	return text
		.split(separators)
		.map((item) => item.trim())
		.filter(Boolean);
}

/** One per line, or separated by ；, ; or |. */
export function splitSimilarQuestions(text: string): string[] {
	return splitOn(text, /[\r\n；;|]+/);
}

/** Separated by 、，,；; or spaces. */
export function splitKeywords(text: string): string[] {
	return splitOn(text, /[、，,；;\s]+/);
}

/** Cell lines, kept in place (an empty line still counts) so titles and 文号 pair up line by line. */
export function cellLines(text: string): string[] {
	return text.split(/\r?\n/).map((line) => line.trim());
}
