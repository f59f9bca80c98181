import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchLog } from '$lib/db/generated/documents';
import { SearchLogger, SETTLE_MS, type LoggedSearch } from './search-logger';
import { similarQuestionSuggestions, suggestionKey, zeroResultQueries } from './search-insights';

let n = 0;
const log = (
	query: string,
	resultCount: number,
	createdBy: string,
	createdAt: string,
	openedEntryId?: string
): SearchLog => ({
	_id: `searchLog:${n++}`,
	type: 'searchLog',
	query,
	resultCount,
	...(openedEntryId ? { openedEntryId } : {}),
	createdBy,
	createdAt
});

describe('queries that found nothing', () => {
	it('groups by normalized query, counts agents, most frequent first', () => {
		const logs = [
			log('电动车上牌', 0, 'agent01', '2026-11-20T01:00:00.000Z'),
			log('电动车上牌 ', 0, 'agent02', '2026-11-20T02:00:00.000Z'),
			log('电动车上牌', 0, 'agent01', '2026-11-21T01:00:00.000Z'),
			log('养犬证？', 0, 'agent01', '2026-11-21T03:00:00.000Z'),
			log('社保卡', 12, 'agent01', '2026-11-21T03:00:00.000Z')
		];
		expect(zeroResultQueries(logs)).toEqual([
			{ query: '电动车上牌', count: 3, agents: 2, lastSeenAt: '2026-11-21T01:00:00.000Z' },
			{ query: '养犬证？', count: 1, agents: 1, lastSeenAt: '2026-11-21T03:00:00.000Z' }
		]);
	});
});

describe('similar-question suggestions', () => {
	const entries = new Map([
		['entry:sbk', { standardQuestion: '社保卡丢失了怎么补办？', similarQuestions: ['社保卡掉了咋办'] }]
	]);
	const opened = (query: string, by: string, day: string) =>
		log(query, 5, by, `2026-11-${day}T02:00:00.000Z`, 'entry:sbk');

	it('offers a query three agents (or days) opened the same entry after', () => {
		const logs = [
			opened('社保卡不见了怎么重新办', 'agent01', '20'),
			opened('社保卡不见了怎么重新办', 'agent02', '20'),
			opened('社保卡不见了怎么重新办', 'agent01', '21')
		];
		expect(similarQuestionSuggestions(logs, entries, new Set())).toEqual([
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
	])('does not offer %s', (_name, occasions, query) => {
		const logs = occasions.map(([by, day]) => opened(query, by!, day!));
		expect(similarQuestionSuggestions(logs, entries, new Set())).toEqual([]);
	});

	it('does not offer a pair an editor decided on', () => {
		const logs = ['agent01', 'agent02', 'agent03'].map((by) => opened('社保卡不见了怎么重新办', by, '20'));
		const decided = new Set([suggestionKey('社保卡不见了怎么重新办', 'entry:sbk')]);
		expect(similarQuestionSuggestions(logs, entries, decided)).toEqual([]);
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
