// npm run -s search -- --entries FILE.jsonl --top K   (queries on stdin, one per line)
// The relevance benchmark's contract (../shared/bench/relevance.mjs): builds the same search engine the
// browser runs from the entries file, then prints one line {"query","hits":[id…]} per query, in order, and
// nothing else on stdout.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SearchEngine } from '../src/lib/search/search-engine';

interface EntryLine {
	id: string;
	standardQuestion: string;
	similarQuestions?: string[];
	answer?: string;
	answerText?: string;
	keywords?: string[];
	category?: string;
	categoryId?: string;
	region?: string;
	template?: string;
}

function option(name: string, fallback?: string): string | undefined {
	const at = process.argv.indexOf(name);
	return at >= 0 ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
	const entriesFile = option('--entries');
	const top = Number(option('--top', '10'));
	if (!entriesFile || !Number.isInteger(top) || top < 1) {
		console.error('usage: search-cli --entries FILE.jsonl [--top K] < queries');
		process.exit(2);
	}
	const engine = new SearchEngine();
	for (const line of readFileSync(entriesFile, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const entry = JSON.parse(line) as EntryLine;
		engine.add({
			id: String(entry.id),
			standardQuestion: entry.standardQuestion,
			similarQuestions: entry.similarQuestions ?? [],
			keywords: entry.keywords ?? [],
			answerText: entry.answerText ?? entry.answer ?? '',
			categoryId: entry.categoryId ?? entry.category ?? '',
			region: entry.region ?? '全省',
			template: entry.template ?? 'faq'
		});
	}
	const lines = createInterface({ input: createReadStream('', { fd: 0 }), crlfDelay: Infinity });
	const out: string[] = [];
	for await (const query of lines) {
		const hits = engine.search(query, { limit: top }).map((hit) => hit.id);
		out.push(JSON.stringify({ query, hits }));
		if (out.length >= 1000) process.stdout.write(out.splice(0).join('\n') + '\n');
	}
	if (out.length) process.stdout.write(out.join('\n') + '\n');
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
