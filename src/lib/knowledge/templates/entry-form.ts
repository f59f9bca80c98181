// From the editor's form to entry content and back, with the template deciding what is required (pure).
import type { EntryTemplate } from '$lib/db/generated/documents';
import { cleanList } from '../entry-draft';
import type { EntryContent } from '../entry-content';
import { answerFromEditorHtml } from '../editor/answer-output';
import { composeAnswerHtml, renderTemplateSections } from '../editor/template-sections';
import { sectionsFromAnswerHtml } from './answer-sections';

/** What the form holds: the content, with the free part of the answer apart from the template's sections. */
export interface EntryForm {
	content: Omit<EntryContent, 'answerHtml' | 'answerText'>;
	freeAnswerHtml: string;
}

export type EntryFormErrors = Partial<
	Record<
		| 'standardQuestion'
		| 'categoryId'
		| 'answer'
		| 'region'
		| 'validTo'
		| 'templateFields'
		| 'sources'
		| 'similarQuestions'
		| 'keywords'
		| 'validFrom'
		| 'relatedEntries',
		string
	>
>;

const REQUIRED_FIELD_MESSAGES: Record<EntryTemplate['requiredFields'][number], string> = {
	sources: '此类型须至少填写一条依据出处',
	similarQuestions: '此类型须至少填写一个相似问题',
	keywords: '此类型须至少填写一个关键词',
	validFrom: '此类型须填写生效日期',
	validTo: '此类型须填写失效日期',
	relatedEntries: '此类型须至少关联一个问题'
};

export function checkEntryForm(
	form: EntryForm,
	template: Pick<EntryTemplate, 'requiredFields' | 'sections'>
): EntryFormErrors {
	const { content } = form;
	const errors: EntryFormErrors = {};
	if (content.standardQuestion.trim().length < 2) errors.standardQuestion = '请填写标准问题（至少 2 个字）';
	if (!content.categoryId) errors.categoryId = '请选择业务分类';
	if (!content.region.trim()) errors.region = '请填写适用地区';
	if (content.validFrom && content.validTo && content.validTo < content.validFrom)
		errors.validTo = '失效日期不能早于生效日期';
	const values = new Map(content.templateFields.map((field) => [field.key, field.value.trim()]));
	const missing = template.sections.filter((section) => section.required && !values.get(section.key));
	if (missing.length > 0)
		errors.templateFields = `请填写：${missing.map((section) => section.label).join('、')}`;
	const answer = composeForm(form, template);
	if (!answer.answerText.trim()) errors.answer = '请填写答案';
	for (const field of template.requiredFields) {
		const value = content[field];
		const empty = Array.isArray(value) ? value.length === 0 : !value;
		if (empty && !errors[field]) errors[field] = REQUIRED_FIELD_MESSAGES[field];
	}
	return errors;
}

/** The stored content: the sections rendered first, then the free answer; text for search and SMS alongside. */
export function composeForm(form: EntryForm, template: Pick<EntryTemplate, 'sections'>): EntryContent {
	const sections = renderTemplateSections(template.sections, form.content.templateFields);
	const { html, text } = answerFromEditorHtml(composeAnswerHtml(sections, form.freeAnswerHtml));
	const standardQuestion = form.content.standardQuestion.trim();
	return {
		...form.content,
		standardQuestion,
		answerHtml: html,
		answerText: text,
		similarQuestions: cleanList(form.content.similarQuestions, [standardQuestion]),
		keywords: cleanList(form.content.keywords),
		region: form.content.region.trim(),
		validFrom: form.content.validFrom || null,
		validTo: form.content.validTo || null
	};
}

/** 替代全省知识点 belongs to a city's entry: saved without a sub-platform, the content carries none. */
export function overrideOfSubPlatform(content: EntryContent, subPlatform: string | undefined): EntryContent {
	return subPlatform ? content : { ...content, overrides: null };
}

/** Back from stored content to the form: the rendered sections are taken off the front of the answer; an
 * answer that predates its template's fields gives its headed sections to the fields. */
export function formFromContent(content: EntryContent, template: Pick<EntryTemplate, 'sections'>): EntryForm {
	const { answerHtml, answerText: _text, ...rest } = content;
	const hasFieldValues = content.templateFields.some((field) => field.value.trim());
	if (!hasFieldValues && template.sections.length > 0) {
		const split = sectionsFromAnswerHtml(answerHtml, template.sections);
		if (split.fields.length > 0)
			return {
				content: { ...structuredClone(rest), templateFields: split.fields },
				freeAnswerHtml: split.freeHtml
			};
	}
	const sections = answerFromEditorHtml(
		renderTemplateSections(template.sections, content.templateFields)
	).html;
	const freeAnswerHtml =
		sections && answerHtml.startsWith(sections) ? answerHtml.slice(sections.length) : answerHtml;
	return { content: structuredClone(rest), freeAnswerHtml };
}

export function emptyForm(today: string, template: EntryContent['template'] = 'faq'): EntryForm {
	return {
		content: {
			standardQuestion: '',
			categoryId: '',
			template,
			templateFields: [],
			sources: [],
			similarQuestions: [],
			relatedEntries: [],
			keywords: [],
			region: '全省',
			validFrom: today,
			validTo: null,
			overrides: null
		},
		freeAnswerHtml: ''
	};
}

/** The form with one more similar question, unless it is already there or is the standard question. */
export function withSimilarQuestion(form: EntryForm, question: string): EntryForm {
	const { standardQuestion, similarQuestions } = form.content;
	if (!question || question === standardQuestion || similarQuestions.includes(question)) return form;
	return { ...form, content: { ...form.content, similarQuestions: [...similarQuestions, question] } };
}
