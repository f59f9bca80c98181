import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDesignDocuments } from '../../../sync/ddocs/build-design-docs';
import { databases, SEARCH_LOG_DB } from '$lib/db/catalog';
import type { SearchLog } from '$lib/db/generated/documents';
import type { ViewRow, ViewStats } from '$lib/db/server-views';
import { SearchLogger, SETTLE_MS, type LoggedSearch } from './search-logger';
import {
	searchCounts,
	similarQuestionSuggestions,
	suggestionCandidates,
	suggestionKey,
	zeroResultQueries,
	type OpeningSums
} from './search-insights';

PouchDB.plugin(memoryAdapter);

// The views run as the server runs them (the repository's map and built-in reducers, in PouchDB), so these
// tests cover the map functions, the key ranges the screen asks for and the reading of the rows together.
const insights = buildDesignDocuments(
	databases[SEARCH_LOG_DB]!.designFolder,
	databases[SEARCH_LOG_DB]!.documentTypes
).find((ddoc) => ddoc._id === '_design/insights')!;

let n = 0;
const log = (
	query: string,
	resultCount: number,
	createdBy: string,
	createdAt: string,
	openedEntryId?: string
): SearchLog => ({
	_id: `searchLog:${String(n++).padStart(4, '0')}:${createdBy}`,
	type: 'searchLog',
	query,
	resultCount,
	...(openedEntryId ? { openedEntryId } : {}),
	createdBy,
	createdAt
});

async function viewRows<Key, Value>(logs: SearchLog[], view: string, query: object) {
	const db = new PouchDB(`insights-${Math.random()}`, { adapter: 'memory' });
	await db.bulkDocs([insights, ...logs] as never[]);
	const result = await db.query(`insights/${view}`, query);
	await db.destroy();
	return result.rows as unknown as ViewRow<Key, Value>[];
}

const month = (value: string) => ({ startkey: [value], endkey: [value, {}] });

describe('queries that found nothing', () => {
	it('groups by normalized query within the Beijing month, counts agents, most frequent first', async () => {
		const logs = [
			log('电动车上牌', 0, 'agent01', '2026-11-20T01:00:00.000Z'),
			log('电动车上牌 ', 0, 'agent02', '2026-11-20T02:00:00.000Z'),
			log('电动车上牌', 0, 'agent01', '2026-11-21T01:00:00.000Z'),
			log('养犬证？', 0, 'agent01', '2026-11-21T03:00:00.000Z'),
			log('社保卡', 12, 'agent01', '2026-11-21T03:00:00.000Z'),
			// 16:30 UTC on 30 November is 00:30 on 1 December in Beijing: December's. The full-width ？ goes with NFKC.
			log('电动车上牌', 0, 'agent03', '2026-11-30T16:30:00.000Z')
		];
		const rows = await viewRows<[string, string, string], ViewStats>(logs, 'zero-results', {
			...month('2026-11'),
			group_level: 3
		});
		expect(zeroResultQueries(rows)).toEqual([
			{ query: '电动车上牌', count: 3, agents: 2, lastSeenAt: '2026-11-21T01:00:00.000Z' },
			{ query: '养犬证', count: 1, agents: 1, lastSeenAt: '2026-11-21T03:00:00.000Z' }
		]);
	});

	it('keeps the most frequent queries when there are more than the list shows', async () => {
		const logs = ['甲甲', '乙乙', '乙乙', '丙丙', '丙丙', '丙丙'].map((query) =>
			log(query, 0, 'agent01', '2026-11-20T01:00:00.000Z')
		);
		const rows = await viewRows<[string, string, string], ViewStats>(logs, 'zero-results', {
			...month('2026-11'),
			group_level: 3
		});
		expect(zeroResultQueries(rows, 2).map((row) => row.query)).toEqual(['丙丙', '乙乙']);
	});
});

describe('searches counted by day and outcome', () => {
	it('counts a month of searches, those with nothing found, and those where an entry was opened', async () => {
		const logs = [
			log('社保卡', 12, 'agent01', '2026-11-01T01:00:00.000Z', 'entry:sbk'),
			log('社保卡', 12, 'agent02', '2026-11-15T01:00:00.000Z'),
			log('电动车上牌', 0, 'agent01', '2026-11-30T15:00:00.000Z'),
			log('公积金', 3, 'agent01', '2026-11-30T16:30:00.000Z', 'entry:gjj')
		];
		const rows = await viewRows<[string, string], number>(logs, 'searches-by-day', {
			startkey: ['2026-11-01'],
			endkey: ['2026-11-30', {}],
			group_level: 2
		});
		expect(searchCounts(rows)).toEqual({ searches: 3, zero: 1, opened: 1 });
	});
});

describe('similar-question suggestions', () => {
	const entries = new Map([
		['entry:sbk', { standardQuestion: '社保卡丢失了怎么补办？', similarQuestions: ['社保卡掉了咋办'] }]
	]);
	const opened = (query: string, by: string, day: string) =>
		log(query, 5, by, `2026-11-${day}T02:00:00.000Z`, 'entry:sbk');
	const suggest = async (logs: SearchLog[], decided = new Set<string>()) =>
		similarQuestionSuggestions(
			suggestionCandidates(
				await viewRows<[string, string, string], OpeningSums>(logs, 'query-openings', {
					...month('2026-11'),
					group_level: 3
				})
			),
			entries,
			decided
		);

	it('offers a query opened three times before the same entry, by more than one agent or day', async () => {
		const logs = [
			opened('社保卡不见了怎么重新办', 'agent01', '20'),
			opened('社保卡不见了怎么重新办', 'agent02', '20'),
			opened('社保卡不见了怎么重新办', 'agent01', '21')
		];
		expect(await suggest(logs)).toEqual([
			{ query: '社保卡不见了怎么重新办', entryId: 'entry:sbk', openings: 3 }
		]);
	});

	it.each([
		[
			'the same agent three times on one day',
			[
				['agent01', '20'],
				['agent01', '20'],
				['agent01', '20']
			],
			'社保卡不见了怎么重新办'
		],
		[
			'twice only',
			[
				['agent01', '20'],
				['agent02', '21']
			],
			'社保卡不见了怎么重新办'
		],
		[
			'a query the entry already has',
			[
				['agent01', '20'],
				['agent02', '20'],
				['agent03', '20']
			],
			'社保卡掉了咋办'
		],
		[
			'a keyword, not a question',
			[
				['agent01', '20'],
				['agent02', '20'],
				['agent03', '20']
			],
			'社保卡'
		]
	])('does not offer %s', async (_name, occasions, query) => {
		const logs = occasions.map(([by, day]) => opened(query, by!, day!));
		expect(await suggest(logs)).toEqual([]);
	});

	it('does not offer a pair an editor decided on', async () => {
		const logs = ['agent01', 'agent02', 'agent03'].map((by) => opened('社保卡不见了怎么重新办', by, '20'));
		const decided = new Set([suggestionKey('社保卡不见了怎么重新办', 'entry:sbk')]);
		expect(await suggest(logs, decided)).toEqual([]);
	});
});

describe('the search logger', () => {
	let written: LoggedSearch[];
	let logger: SearchLogger;
	beforeEach(() => {
		vi.useFakeTimers();
		written = [];
		logger = new SearchLogger((search) => written.push(search));
	});
	afterEach(() => vi.useRealTimers());

	it('logs a query once it rests, not every keystroke', () => {
		logger.shown('社', 40);
		vi.advanceTimersByTime(300);
		logger.shown('社保', 30);
		vi.advanceTimersByTime(300);
		logger.shown('社保卡', 12);
		vi.advanceTimersByTime(SETTLE_MS);
		expect(written).toEqual([{ query: '社保卡', resultCount: 12 }]);
	});

	it('logs an opened result at once and does not log the same search twice', () => {
		logger.shown('社保卡补办', 3);
		logger.opened('社保卡补办', 3, 'entry:sbk');
		logger.opened('社保卡补办', 3, 'entry:sbk');
		vi.advanceTimersByTime(SETTLE_MS * 2);
		expect(written).toEqual([{ query: '社保卡补办', resultCount: 3, openedEntryId: 'entry:sbk' }]);
	});

	it('ignores an empty box', () => {
		logger.shown('  ', 50);
		vi.advanceTimersByTime(SETTLE_MS);
		expect(written).toEqual([]);
	});
});
