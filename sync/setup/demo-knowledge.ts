// Loads the shipped sample knowledge base (sync/demo/knowledge.json) as published entries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerScope } from 'nano';
import type { Category, Entry } from '../../src/lib/db/generated/documents';
import { demoCityEntries } from '../demo/city-entries';
import { insertMissingDocuments } from './bulk-insert';
import { ensurePublications } from './publications';

/** What a hand-written demo entry states; the rest (status, history, …) is filled in when it is loaded. */
export type DemoEntry = Pick<
	Entry,
	| '_id'
	| 'subPlatform'
	| 'template'
	| 'standardQuestion'
	| 'categoryId'
	| 'answerHtml'
	| 'answerText'
	| 'sources'
	| 'similarQuestions'
	| 'relatedEntries'
	| 'keywords'
	| 'region'
	| 'validFrom'
	| 'validTo'
>;

interface DemoKnowledge {
	categories: Category[];
	entries: DemoEntry[];
}

export function publishedDemoEntry(entry: DemoEntry, at: string): Entry {
	return {
		templateFields: [],
		...entry,
		type: 'entry',
		status: 'published',
		publishedAt: at,
		publishedBy: 'reviewer01',
		lastReviewedAt: at,
		version: 1,
		reviewer: 'reviewer01',
		createdBy: 'editor01',
		createdAt: at,
		updatedBy: 'reviewer01',
		updatedAt: at,
		history: [
			{ action: 'create', by: 'editor01', at },
			{ action: 'submit', by: 'editor01', at },
			{ action: 'publish', by: 'reviewer01', at }
		]
	};
}

export async function loadDemoKnowledge(server: ServerScope, log: (line: string) => void) {
	const file = path.join(import.meta.dirname, '../demo/knowledge.json');
	const demo = JSON.parse(readFileSync(file, 'utf8')) as DemoKnowledge;
	const at = '2026-01-05T08:00:00.000Z';
	const documents = [
		...demo.categories,
		...demo.entries.map((entry) => publishedDemoEntry(entry, at)),
		...demoCityEntries.map((entry) => publishedDemoEntry(entry, at))
	];
	const added = await insertMissingDocuments(server.use('kb'), documents);
	if (added > 0) {
		log(
			`  loaded ${added} demo documents (${demo.entries.length} province and ${demoCityEntries.length} city entries, ${demo.categories.length} categories)`
		);
		// What agents are shown of them.
		await ensurePublications(server, log);
	}
}
