// Turns what an editor typed into a new draft entry document (pure: tested without a browser).
import type { Entry } from '$lib/db/generated/documents';
import type { EntryContent } from './entry-content';

export interface NewEntryInput {
	standardQuestion: string;
	categoryId: string;
	template: Entry['template'];
	answerText: string;
	similarQuestions: string[];
	keywords: string[];
	region: string;
	validFrom: string | null;
	validTo: string | null;
}

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Plain text to safe HTML: blank lines separate paragraphs, single line breaks stay. */
export function plainTextToHtml(text: string): string {
	return text
		.trim()
		.split(/\n\s*\n/)
		.map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
		.join('');
}

/** Trimmed, non-empty, without repeats (and without the standard question itself). */
export function cleanList(items: string[], exclude: string[] = []): string[] {
	const seen = new Set(exclude.map((item) => item.trim()));
	const result: string[] = [];
	for (const item of items.map((value) => value.trim())) {
		if (item && !seen.has(item)) {
			seen.add(item);
			result.push(item);
		}
	}
	return result;
}

export type EntryInputErrors = Partial<Record<keyof NewEntryInput, string>>;

export function checkEntryInput(input: NewEntryInput): EntryInputErrors {
	const errors: EntryInputErrors = {};
	if (input.standardQuestion.trim().length < 2) errors.standardQuestion = '请填写标准问题（至少 2 个字）';
	if (!input.categoryId) errors.categoryId = '请选择业务分类';
	if (!input.answerText.trim()) errors.answerText = '请填写答案';
	if (!input.region.trim()) errors.region = '请填写适用地区';
	if (input.validFrom && input.validTo && input.validTo < input.validFrom)
		errors.validTo = '失效日期不能早于生效日期';
	return errors;
}

export function newDraftEntry(input: NewEntryInput, id: string, userName: string, now: Date): Entry {
	const standardQuestion = input.standardQuestion.trim();
	const content: EntryContent = {
		template: input.template,
		standardQuestion,
		categoryId: input.categoryId,
		answerHtml: plainTextToHtml(input.answerText),
		answerText: input.answerText.trim(),
		sources: [],
		similarQuestions: cleanList(input.similarQuestions, [standardQuestion]),
		relatedEntries: [],
		templateFields: [],
		keywords: cleanList(input.keywords),
		region: input.region.trim(),
		validFrom: input.validFrom || null,
		validTo: input.validTo || null
	};
	return draftEntryFromContent(content, id, userName, now);
}

/** A new draft holding the given content, stamped by its author. */
export function draftEntryFromContent(content: EntryContent, id: string, userName: string, now: Date): Entry {
	const at = now.toISOString();
	return {
		_id: id,
		type: 'entry',
		...content,
		status: 'draft',
		version: 1,
		createdBy: userName,
		createdAt: at,
		updatedBy: userName,
		updatedAt: at,
		history: [{ action: 'create', by: userName, at }]
	};
}
