// 依据出处 rows as an editor fills them in (pure: checked without a browser).
import type { Entry } from '$lib/db/generated/documents';

export type EntrySource = Entry['sources'][number];
export type SourceField = Exclude<keyof EntrySource, 'title'>;
export type SourceErrors = Partial<Record<'title' | 'url' | 'issuedOn', string>>;

export const MAX_SOURCES = 20;
const WEB_ADDRESS = /^https?:\/\/\S+$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptySource(): EntrySource {
	return { title: '' };
}

/** Optional fields are left out rather than stored empty: the schema refuses an empty date or link. */
export function withSourceField(source: EntrySource, field: keyof EntrySource, value: string): EntrySource {
	const next: EntrySource = { ...source };
	if (field === 'title') next.title = value;
	else if (value.trim()) next[field] = value;
	else delete next[field];
	return next;
}

export function checkSource(source: EntrySource): SourceErrors {
	const errors: SourceErrors = {};
	if (!source.title.trim()) errors.title = '请填写出处标题';
	if (source.url && !WEB_ADDRESS.test(source.url.trim())) errors.url = '链接须以 http:// 或 https:// 开头';
	if (source.issuedOn && !ISO_DATE.test(source.issuedOn)) errors.issuedOn = '请填写正确的日期';
	return errors;
}

export function sourcesAreValid(sources: readonly EntrySource[]): boolean {
	return sources.every((source) => Object.keys(checkSource(source)).length === 0);
}
