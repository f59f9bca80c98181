// A province's month of agent search logs for the bench:scale scripts (part one times searchlog's views,
// part two the browsers over the same kind of month): queries from ../shared/data, picked Zipf-like, seeded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchLog } from '../../src/lib/db/generated/documents';
import { BEIJING_OFFSET_MS } from '../../src/lib/time';
import { seededRandom } from '../../src/lib/seeded-random';
import { root } from './bench-app';

/** Shares of the outcomes: nothing found, an entry opened, the rest looked at the list only. */
export const ZERO_SHARE = 0.08;
export const OPENED_SHARE = 0.55;

export interface SearchLogOptions {
	count: number;
	/** Who searched; each log picks one at random. */
	agents: readonly string[];
	/** Opened entries are entry:bench-<n> with n below this. */
	entries: number;
	/** YYYY-MM, Beijing time. */
	month: string;
	/** The agent's sub-platform, which their logs carry (the server refuses another city's). */
	subPlatformOf?: (agent: string) => string | undefined;
}

/** A Zipf-like pick among n (rank r with weight 1/r): a few queries are everyone's, most are rare. */
function zipf(next: () => number, n: number): number {
	const harmonic = Math.log(n) + 0.5772;
	const target = next() * harmonic;
	return Math.min(n - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
}

function column(file: string, index: number): string[] {
	return readFileSync(path.join(root, '../shared/data', file), 'utf8')
		.split('\n')
		.slice(1)
		.map((line) => line.split('\t')[index]?.trim() ?? '')
		.filter(Boolean);
}

/** Queries as agents type them: real questions, often cut to their first words. */
function queryPools() {
	const questions = [...column('policy-qa.tsv', 2), ...column('pairs-lcqmc-dev.tsv', 0)];
	const shortened = questions.map((question, index) =>
		index % 3 === 0 ? question : question.slice(0, 4 + (index % 7))
	);
	const unanswerable = column('citizen-messages.tsv', 1).map((topic) => topic.slice(0, 24));
	return { answerable: shortened, unanswerable };
}

/** The logs in time order, spread over the month's days in Beijing office hours. */
export function* generateSearchLogs(options: SearchLogOptions): Generator<SearchLog> {
	const { count, agents, entries, month } = options;
	const next = seededRandom(20261105);
	const { answerable, unanswerable } = queryPools();
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	const monthStart = Date.UTC(year, monthNumber - 1, 1) - BEIJING_OFFSET_MS;
	const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
	for (let index = 0; index < count; index++) {
		const agent = agents[Math.floor(next() * agents.length)]!;
		const day = Math.floor((index / count) * days);
		const at = new Date(monthStart + day * 86_400_000 + (8 + next() * 10) * 3600_000).toISOString();
		const outcome = next();
		const subPlatform = options.subPlatformOf?.(agent);
		const base = {
			_id: `searchLog:${at.replace(/[:.]/g, '')}-${index.toString(16).padStart(8, '0')}:${agent}`,
			type: 'searchLog' as const,
			...(subPlatform ? { subPlatform } : {}),
			createdBy: agent,
			createdAt: at
		};
		if (outcome < ZERO_SHARE) {
			yield { ...base, query: unanswerable[zipf(next, unanswerable.length)]!, resultCount: 0 };
			continue;
		}
		const rank = zipf(next, answerable.length);
		const query = answerable[rank]!;
		const resultCount = 1 + Math.floor(next() * 40);
		if (outcome < ZERO_SHARE + OPENED_SHARE)
			// Mostly the entry the question belongs to; sometimes another one.
			yield {
				...base,
				query,
				resultCount,
				openedEntryId: `entry:bench-${next() < 0.8 ? rank % entries : Math.floor(next() * entries)}`
			};
		else yield { ...base, query, resultCount };
	}
}
