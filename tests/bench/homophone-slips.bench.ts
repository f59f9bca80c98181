// npm run bench:homophones — how much of the search's R@1 survives a pinyin input slip (issue 16: the slipped
// queries keep ≥ 90 % of clean R@1). The bench:search set (10⁵ entries grown from ../shared/data/policy-qa.tsv),
// a seeded sample of its standard questions asked as they are and with one character replaced by a
// homophone (homophone-slips.ts); a hit is right when the question's own entry comes first.
import os from 'node:os';
import { publicationOf } from '../../src/lib/knowledge/workflow/publication';
import { SearchEngine } from '../../src/lib/search/search-engine';
import { toSearchableEntry } from '../../src/lib/search/searchable-entry';
import { slipOneCharacter } from './homophone-slips';
import { generateEntries, seededRandom } from './search-data';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);

const entries = generateEntries(ENTRIES);
const engine = new SearchEngine();
const builtAt = performance.now();
for (const entry of entries) engine.add(toSearchableEntry(publicationOf(entry)!));
const buildSeconds = ((performance.now() - builtAt) / 1000).toFixed(1);

/** What an agent types of a question: its core, at most 12 characters after the lead-in. */
const coreOf = (question: string) => [...question.replace(/^(关于|请问|咨询：)/, '')].slice(0, 12).join('');

function measure(label: string, shape: (question: string) => string) {
	const random = seededRandom(2026);
	const asked: Array<{ clean: string; slipped: string; expected: string }> = [];
	while (asked.length < QUERIES) {
		const entry = entries[Math.floor(random() * entries.length)]!;
		const clean = shape(entry.standardQuestion);
		const slipped = slipOneCharacter(clean, random);
		if (slipped) asked.push({ clean, slipped, expected: entry._id });
	}
	const first = (query: string) => engine.search(query, { limit: 1 })[0];
	let right = 0;
	let slippedRight = 0;
	let readAs = 0;
	let cleanReadAs = 0;
	for (const query of asked) {
		const cleanHit = first(query.clean);
		if (cleanHit?.id === query.expected) right++;
		if (cleanHit?.readAs) cleanReadAs++;
		const hit = first(query.slipped);
		if (hit?.id === query.expected) slippedRight++;
		if (hit?.readAs) readAs++;
	}
	console.log(
		`${label}: R@1 clean ${(right / QUERIES).toFixed(4)}, slipped ${(slippedRight / QUERIES).toFixed(4)}: the slipped keep ${((100 * slippedRight) / right).toFixed(1)} % (goal ≥ 90 %); ${readAs} of the slipped read as corrected, ${cleanReadAs} of the clean read as something else; e.g. ${asked
			.slice(0, 3)
			.map((query) => `${query.clean} → ${query.slipped}`)
			.join('; ')}`
	);
}

console.log(
	`homophone slips: ${ENTRIES} entries (built in ${buildSeconds} s), ${QUERIES} questions each, one character replaced by a homophone, seed 2026; ${os.cpus()[0]?.model.trim()}, Node ${process.version}`
);
measure('whole standard questions', (question) => question);
measure('their first 12 characters (what agents type)', coreOf);
