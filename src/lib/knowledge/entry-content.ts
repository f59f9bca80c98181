// The editable content of an entry: what a revision carries, a version snapshot keeps and a diff compares.
import type { Entry } from '$lib/db/generated/documents';

export const ENTRY_CONTENT_FIELDS = [
	'standardQuestion',
	'categoryId',
	'template',
	'answerHtml',
	'answerText',
	'templateFields',
	'sources',
	'similarQuestions',
	'relatedEntries',
	'keywords',
	'region',
	'validFrom',
	'validTo',
	'overrides'
] as const satisfies readonly (keyof Entry)[];

export type EntryContentField = (typeof ENTRY_CONTENT_FIELDS)[number];
export type EntryContent = Pick<Entry, EntryContentField>;

export const CONTENT_FIELD_LABELS: Record<EntryContentField, string> = {
	standardQuestion: '标准问题',
	categoryId: '业务分类',
	template: '条目类型',
	answerHtml: '答案（格式）',
	answerText: '答案',
	templateFields: '模板字段',
	sources: '依据出处',
	similarQuestions: '相似问题',
	relatedEntries: '关联问题',
	keywords: '关键词',
	region: '适用地区',
	validFrom: '生效日期',
	validTo: '失效日期',
	overrides: '替代全省知识点'
};

/** Just the content fields, copied (a missing validity date or override reads as null). */
export function entryContent(
	source: Partial<EntryContent> & Omit<EntryContent, 'validFrom' | 'validTo' | 'overrides'>
): EntryContent {
	return {
		standardQuestion: source.standardQuestion,
		categoryId: source.categoryId,
		template: source.template,
		answerHtml: source.answerHtml,
		answerText: source.answerText,
		templateFields: structuredClone(source.templateFields),
		sources: structuredClone(source.sources),
		similarQuestions: [...source.similarQuestions],
		relatedEntries: [...source.relatedEntries],
		keywords: [...source.keywords],
		region: source.region,
		validFrom: source.validFrom ?? null,
		validTo: source.validTo ?? null,
		// Null, not absent: a saved revision must be able to clear an override the entry had.
		overrides: source.overrides ?? null
	};
}

export function sameContentField(a: EntryContent, b: EntryContent, field: EntryContentField): boolean {
	return JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null);
}
