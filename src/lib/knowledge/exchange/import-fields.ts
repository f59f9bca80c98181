// The columns an entry sheet may have, their Chinese names (also the export's headers, so an export
// re-imports as it is) and the header spellings we recognize.
export const IMPORT_FIELDS = [
	'standardQuestion',
	'category',
	'answer',
	'template',
	'similarQuestions',
	'keywords',
	'region',
	'validFrom',
	'validTo',
	'sourceTitle',
	'sourceNumber',
	'sourceArticle'
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → index of the sheet column it is read from, or null when the sheet has no such column. */
export type ColumnMapping = Record<ImportField, number | null>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
	standardQuestion: '标准问题',
	category: '业务分类',
	answer: '答案',
	template: '条目类型',
	similarQuestions: '相似问题',
	keywords: '关键词',
	region: '适用地区',
	validFrom: '生效日期',
	validTo: '失效日期',
	sourceTitle: '依据出处',
	sourceNumber: '文号',
	sourceArticle: '条款'
};

const HEADER_ALIASES: Record<ImportField, string[]> = {
	standardQuestion: ['标准问题', '问题', '标准问', '问题标题', 'question', 'standardquestion'],
	category: ['业务分类', '分类', '知识分类', '所属分类', 'category'],
	answer: ['答案', '回答', '标准答案', '答复', 'answer'],
	template: ['条目类型', '类型', '知识类型', 'template', 'type'],
	similarQuestions: ['相似问题', '相似问法', '扩展问题', 'similarquestions'],
	keywords: ['关键词', '关键字', 'keywords'],
	region: ['适用地区', '地区', '适用区域', 'region'],
	validFrom: ['生效日期', '生效时间', 'validfrom'],
	validTo: ['失效日期', '失效时间', 'validto'],
	sourceTitle: ['依据出处', '依据', '出处', '政策依据', 'source'],
	sourceNumber: ['文号', '发文字号', 'documentnumber'],
	sourceArticle: ['条款', 'article']
};

/** "标准问题（必填）", " Question* " and "standard_question" all read as the same header. */
export function normalizeHeader(header: string): string {
	return header
		.normalize('NFKC')
		.replace(/\([^)]*\)|\[[^\]]*\]|\*/g, '')
		.toLowerCase()
		.replace(/[\s_-]+/g, '');
}

export function emptyColumnMapping(): ColumnMapping {
	return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

export function guessColumnMapping(headers: string[]): ColumnMapping {
	const normalized = headers.map(normalizeHeader);
	const taken = new Set<number>();
	const mapping = emptyColumnMapping();
	for (const field of IMPORT_FIELDS) {
		for (const alias of HEADER_ALIASES[field]) {
			const index = normalized.findIndex((header, column) => header === alias && !taken.has(column));
			if (index >= 0) {
				mapping[field] = index;
				taken.add(index);
				break;
			}
		}
	}
	return mapping;
}
