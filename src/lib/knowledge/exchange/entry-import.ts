// Q&A entries from sheet rows (first row = headers): every row is checked and explained in Chinese before
// anything is built, so an import is all rows or none. Pure: tested without a browser.
import type { Category, Entry } from '$lib/db/generated/documents';
import { cleanList, plainTextToHtml } from '../entry-draft';
import { createCategoryMatcher } from './category-match';
import type { ColumnMapping, ImportField } from './import-fields';
import {
	cellLines,
	normalizeQuestion,
	parseImportDate,
	parseTemplate,
	splitKeywords,
	splitSimilarQuestions
} from './import-values';

export { guessColumnMapping, type ColumnMapping } from './import-fields';

export const DEFAULT_REGION = '全省';

export interface ImportedContent {
	standardQuestion: string;
	categoryId: string;
	template: Entry['template'];
	answerText: string;
	similarQuestions: string[];
	keywords: string[];
	region: string;
	validFrom: string | null;
	validTo: string | null;
	sources: Entry['sources'];
}

export interface CheckedRow {
	/** 1-based, counting the header row, as Excel numbers the row. */
	rowNumber: number;
	errors: string[];
	/** Present when the row has no errors. */
	content?: ImportedContent;
}

export interface ImportContext {
	categories: Category[];
	/** normalizeQuestion(standard question) → id of the entry already in the knowledge base. */
	existingQuestions: Map<string, string>;
	/** Where rows without a category go (a sheet with no category column); without it they are errors. */
	fallbackCategoryId?: string | null;
}

type Source = { title: string; documentNumber?: string; article?: string };

function tooLong(items: string[], limit: number): string | undefined {
	return items.find((item) => item.length > limit);
}

function readSources(titles: string, numbers: string, articles: string, errors: string[]): Source[] {
	const titleLines = cellLines(titles);
	const numberLines = cellLines(numbers);
	const articleLines = cellLines(articles);
	const sources: Source[] = [];
	const count = Math.max(titleLines.length, numberLines.length, articleLines.length);
	for (let line = 0; line < count; line += 1) {
		const [title = '', documentNumber = '', article = ''] = [
			titleLines[line],
			numberLines[line],
			articleLines[line]
		];
		if (!title && !documentNumber && !article) continue;
		if (!title) errors.push(`填写了文号或条款「${documentNumber || article}」但缺少依据出处`);
		else if (title.length > 300) errors.push('依据出处超过 300 字');
		if (documentNumber.length > 100) errors.push(`文号超过 100 字「${documentNumber.slice(0, 20)}…」`);
		if (article.length > 100) errors.push(`条款超过 100 字「${article.slice(0, 20)}…」`);
		sources.push({
			title,
			...(documentNumber ? { documentNumber } : {}),
			...(article ? { article } : {})
		});
	}
	if (sources.length > 20) errors.push('依据出处最多 20 条');
	return sources;
}

function readDate(text: string, errors: string[]): string | null {
	if (!text) return null;
	const date = parseImportDate(text);
	if (!date) errors.push(`日期格式不正确「${text}」`);
	return date;
}

function isEmptyRow(row: string[]): boolean {
	return row.every((cell) => !cell || !cell.trim());
}

export function checkImportRows(
	rows: string[][],
	mapping: ColumnMapping,
	context: ImportContext
): CheckedRow[] {
	const matchCategory = createCategoryMatcher(context.categories);
	const firstRowOfQuestion = new Map<string, number>();
	const checked: CheckedRow[] = [];

	rows.forEach((row, index) => {
		if (index === 0 || isEmptyRow(row)) return;
		const rowNumber = index + 1;
		// Untrimmed for the source columns: their lines pair up, so a leading empty line must stay.
		const rawCell = (field: ImportField): string => {
			const column = mapping[field];
			return column === null ? '' : (row[column] ?? '').replace(/\r\n?/g, '\n');
		};
		const cell = (field: ImportField): string => rawCell(field).trim();
		const errors: string[] = [];

		const standardQuestion = cell('standardQuestion').replace(/\s+/g, ' ');
		if (!standardQuestion) errors.push('缺少标准问题');
		else if (standardQuestion.length < 2) errors.push('标准问题太短（至少 2 个字）');
		else if (standardQuestion.length > 200) errors.push('标准问题超过 200 字');

		const answerText = cell('answer');
		if (!answerText) errors.push('缺少答案');
		else if (answerText.length > 50_000) errors.push('答案超过 50000 字');

		let categoryId = '';
		const categoryText = cell('category');
		if (categoryText) {
			const match = matchCategory(categoryText);
			if (match.ok) categoryId = match.id;
			else errors.push(match.error);
		} else if (context.fallbackCategoryId) categoryId = context.fallbackCategoryId;
		else errors.push('缺少业务分类');

		const templateText = cell('template');
		const template = parseTemplate(templateText);
		if (!template) errors.push(`未知条目类型「${templateText}」`);

		const similarQuestions = cleanList(splitSimilarQuestions(cell('similarQuestions')), [standardQuestion]);
		const longSimilar = tooLong(similarQuestions, 200);
		if (longSimilar) errors.push(`相似问题超过 200 字「${longSimilar.slice(0, 20)}…」`);
		if (similarQuestions.length > 200) errors.push('相似问题最多 200 个');

		const keywords = cleanList(splitKeywords(cell('keywords')));
		const longKeyword = tooLong(keywords, 40);
		if (longKeyword) errors.push(`关键词「${longKeyword}」超过 40 字`);
		if (keywords.length > 50) errors.push('关键词最多 50 个');

		const region = cell('region').replace(/\s+/g, ' ') || DEFAULT_REGION;
		if (region.length > 40) errors.push('适用地区超过 40 字');

		const validFrom = readDate(cell('validFrom'), errors);
		const validTo = readDate(cell('validTo'), errors);
		if (validFrom && validTo && validTo < validFrom) errors.push('失效日期早于生效日期');

		const sources = readSources(
			rawCell('sourceTitle'),
			rawCell('sourceNumber'),
			rawCell('sourceArticle'),
			errors
		);

		if (standardQuestion) {
			const key = normalizeQuestion(standardQuestion);
			const earlier = firstRowOfQuestion.get(key);
			if (earlier !== undefined) errors.push(`与第 ${earlier} 行重复`);
			else firstRowOfQuestion.set(key, rowNumber);
			if (context.existingQuestions.has(key)) errors.push(`与已有知识点重复「${standardQuestion}」`);
		}

		checked.push(
			errors.length > 0 || !template
				? { rowNumber, errors }
				: {
						rowNumber,
						errors,
						content: {
							standardQuestion,
							categoryId,
							template,
							answerText,
							similarQuestions,
							keywords,
							region,
							validFrom,
							validTo,
							sources: sources as Entry['sources']
						}
					}
		);
	});
	return checked;
}

export interface BuildOptions {
	userName: string;
	now: Date;
	/** Reviewers and admins may publish at once; everyone else imports drafts. */
	publish: boolean;
}

/** Entry documents for the rows without errors, each with a new id, version 1 and an import event. */
export function buildImportedEntries(rows: CheckedRow[], options: BuildOptions): Entry[] {
	const at = options.now.toISOString();
	const by = options.userName;
	// As approving in the review workflow records it: the importing reviewer is the reviewer.
	const published = options.publish
		? { publishedAt: at, publishedBy: by, lastReviewedAt: at, reviewer: by }
		: {};
	return rows.flatMap(({ errors, content }) => {
		if (errors.length > 0 || !content) return [];
		const entry: Entry = {
			_id: `entry:${crypto.randomUUID()}`,
			type: 'entry',
			template: content.template,
			standardQuestion: content.standardQuestion,
			categoryId: content.categoryId,
			answerHtml: plainTextToHtml(content.answerText),
			answerText: content.answerText,
			sources: content.sources.map((source) => ({ ...source })) as Entry['sources'],
			similarQuestions: [...content.similarQuestions],
			relatedEntries: [],
			keywords: [...content.keywords],
			region: content.region,
			validFrom: content.validFrom,
			validTo: content.validTo,
			status: options.publish ? 'published' : 'draft',
			version: 1,
			createdBy: by,
			createdAt: at,
			updatedBy: by,
			updatedAt: at,
			history: [{ action: 'import', by, at }],
			templateFields: [],
			...published
		};
		return [entry];
	});
}
