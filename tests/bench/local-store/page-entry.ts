// Bundled into a bare page by local-store.bench.ts: writes documents into PouchDB's IndexedDB adapter the
// way the first copy does (pages of replicated revisions) and times it.
import PouchDB from 'pouchdb-browser';

const FILLER =
	'根据《社会保险法》规定，参保人员可以到社保经办机构窗口办理，需要携带身份证、户口簿原件及复印件。'.repeat(
		8
	);

function publications(count: number, run: number) {
	return Array.from({ length: count }, (_, index) => ({
		_id: `publishedEntry:${String(index).padStart(8, '0')}`,
		_rev: `2-${(index + run * 1_000_000).toString(16).padStart(32, 'a')}`,
		type: 'publishedEntry',
		standardQuestion: `问题${index}`,
		answerText: FILLER + index,
		categoryId: `category:${index % 40}`,
		similarQuestions: [`相似${index}`, `另一种问法${index}`],
		updatedAt: '2026-12-05T00:00:00.000Z'
	}));
}

async function writeInPages(count: number, pageSize: number, run: number) {
	const db = new PouchDB(`local-store-bench-${run}`, { auto_compaction: true });
	const docs = publications(count, run);
	const startedAt = performance.now();
	for (let start = 0; start < count; start += pageSize)
		await db.bulkDocs(docs.slice(start, start + pageSize), { new_edits: false });
	const writeMs = performance.now() - startedAt;
	await db.destroy();
	return { count, pageSize, writeMs: Math.round(writeMs), perSecond: Math.round(count / (writeMs / 1000)) };
}

(window as unknown as { writeInPages: typeof writeInPages }).writeInPages = writeInPages;
