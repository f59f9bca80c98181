// Turns the shared TSV data sets into documents: the 12345 category tree and the policy Q&A collection.
// Pure: every row is checked against the schemas and problems are reported by line.
import { createHash } from 'node:crypto';
import type { Category, Entry } from '../../src/lib/db/generated/documents';
import { validateDocument } from '../../src/lib/db/validation';
import { plainTextToHtml } from '../../src/lib/knowledge/entry-draft';

export interface ParsedDataset {
	kind: 'categories' | 'policyQa';
	documents: Array<Category | Entry>;
	problems: string[];
}

export const POLICY_CATEGORY: Category = {
	_id: 'category:policy-qa',
	type: 'category',
	name: '政策问答',
	parentId: null,
	order: 900
};

function stableId(prefix: string, key: string): string {
	return `${prefix}:${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
}

function rowsOf(text: string): string[][] {
	return text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.map((line) => line.split('\t'));
}

function parseCategories(rows: string[][]): ParsedDataset {
	const documents = new Map<string, Category>();
	const problems: string[] = [];
	const childCount = new Map<string | null, number>();
	rows.slice(1).forEach((cells, index) => {
		const names = cells.map((cell) => cell.trim()).filter(Boolean);
		if (names.length === 0) return;
		if (names.length !== cells.length) problems.push(`第 ${index + 2} 行：分类名称不能为空`);
		let parentId: string | null = null;
		names.forEach((name, depth) => {
			const id = stableId('category', names.slice(0, depth + 1).join('/'));
			if (!documents.has(id)) {
				const order = (childCount.get(parentId) ?? 0) + 1;
				childCount.set(parentId, order);
				documents.set(id, { _id: id, type: 'category', name, parentId, order });
			}
			parentId = id;
		});
	});
	return { kind: 'categories', documents: [...documents.values()], problems };
}

function parsePolicyQa(rows: string[][], importedBy: string, at: string): ParsedDataset {
	const documents: Array<Category | Entry> = [POLICY_CATEGORY];
	const problems: string[] = [];
	const seen = new Set<string>();
	rows.slice(1).forEach((cells, index) => {
		const line = index + 2;
		if (cells.length === 1 && !cells[0]!.trim()) return;
		const [sourceId = '', , question = '', answer = ''] = cells.map((cell) => cell.trim());
		if (cells.length !== 4) return problems.push(`第 ${line} 行：应有 4 列，实际 ${cells.length} 列`);
		if (!sourceId) return problems.push(`第 ${line} 行：缺少 id`);
		if (seen.has(sourceId)) return problems.push(`第 ${line} 行：id ${sourceId} 重复`);
		seen.add(sourceId);
		documents.push({
			_id: `entry:policy-${sourceId}`,
			type: 'entry',
			template: 'policy',
			standardQuestion: question,
			categoryId: POLICY_CATEGORY._id,
			answerHtml: plainTextToHtml(answer),
			answerText: answer,
			sources: [],
			similarQuestions: [],
			relatedEntries: [],
			templateFields: [],
			keywords: [],
			region: '全省',
			validFrom: null,
			validTo: null,
			status: 'published',
			version: 1,
			createdBy: importedBy,
			createdAt: at,
			updatedBy: importedBy,
			updatedAt: at,
			history: [{ action: 'import', by: importedBy, at }]
		});
	});
	return { kind: 'policyQa', documents, problems };
}

export function parseDataset(text: string, importedBy: string, at: string): ParsedDataset {
	const rows = rowsOf(text);
	const header = rows[0]?.map((cell) => cell.trim()).join(',');
	let parsed: ParsedDataset;
	if (header === 'level1,level2,level3') parsed = parseCategories(rows);
	else if (header === 'id,doc_id,question,answer') parsed = parsePolicyQa(rows, importedBy, at);
	else throw new Error(`无法识别的文件表头: ${header ?? '（空文件）'}`);
	for (const doc of parsed.documents) {
		const result = validateDocument(doc);
		if (!result.ok) parsed.problems.push(`${doc._id}：${result.errors.join('；')}`);
	}
	return parsed;
}
