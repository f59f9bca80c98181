// The knowledge and front-line figures of a hand-made November, through the repository's own view code (run
// in memory here; on the embedded server in tests/integration/report-knowledge-views.spec.ts), against values
// worked out by hand in tests/fixtures/report-knowledge.ts.
import { describe, expect, it } from 'vitest';
import { inMemorySources } from '../../../tests/fixtures/report-knowledge';
import { medianOf, monthsOf } from './knowledge-figures';
import { readKnowledgeFigures } from './knowledge-queries';
import { parsePeriod } from './report-periods';
import type { ReportScope } from './report-types';

const november = parsePeriod('2026-11')!;
const figuresOf = (scope: ReportScope, period = november) =>
	readKnowledgeFigures(scope, period, inMemorySources);

describe('knowledge and front-line figures of a period', () => {
	it('count the entries as they are now, by status and type', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.entriesByStatus).toEqual([
			{ status: 'archived', template: 'faq', count: 1 },
			{ status: 'draft', template: 'faq', count: 1 },
			{ status: 'published', template: 'faq', count: 2 },
			{ status: 'published', template: 'policy', count: 1 },
			{ status: 'published', template: 'serviceGuide', count: 1 }
		]);
		expect(figures.publishedEntries).toBe(4);
		const own = await figuresOf({ kind: 'sub', code: 'province', name: '省本级' });
		expect(own.publishedEntries).toBe(3);
	});

	it('count additions, changes, pruning and expiry on their Beijing days', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.changes).toEqual({ added: 2, changed: 1, pruned: 1, expired: 1 });
		expect(figures.changesByDay.find((day) => day.day === '2026-11-05')).toEqual({
			day: '2026-11-05',
			added: 1,
			changed: 0,
			pruned: 0,
			expired: 0
		});
		expect((await figuresOf({ kind: 'province' }, parsePeriod('2026-10')!)).changes.added).toBe(1);
	});

	it('compute 更新及时率 from the notices and their entries’ publications', async () => {
		expect((await figuresOf({ kind: 'province' })).timeliness).toEqual({ onTime: 1, total: 2, rate: 0.5 });
	});

	it('count feedback received and closed, with the median time to close', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.feedback).toEqual([
			{ kind: 'searchMiss', label: '查无信息', received: 3, handled: 2, medianMinutes: 60 },
			{ kind: 'correction', label: '纠错', received: 1, handled: 1, medianMinutes: 1440 },
			{ kind: 'knowledgeQuestion', label: '知识提问', received: 0, handled: 1, medianMinutes: 2880 }
		]);
		const agent = await figuresOf({ kind: 'agent', name: 'agent01', displayName: '刘话务' });
		expect(agent.feedback.map((row) => [row.received, row.handled, row.medianMinutes])).toEqual([
			[2, 1, 90],
			[1, 1, 1440],
			[0, 0, null]
		]);
	});

	it('count searches by outcome, 01:00 Beijing on 1 November included, and their rates', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.searches).toEqual({
			total: 9,
			zero: 4,
			opened: 3,
			zeroRate: 4 / 9,
			openedRate: 3 / 9,
			missRate: 3 / 9
		});
		expect(figures.searchesByDay[0]).toEqual({ day: '2026-11-01', total: 1, zero: 1, opened: 0 });
		const agent = await figuresOf({ kind: 'agent', name: 'agent01', displayName: '刘话务' });
		expect([agent.searches.total, agent.searches.zero, agent.searches.opened]).toEqual([4, 2, 1]);
		const team = await figuresOf({ kind: 'team', team: '话务一班', agents: ['agent01', 'agent02'] });
		expect([team.searches.total, team.searches.zero, team.searches.opened]).toEqual([8, 4, 2]);
		// A team or an agent owns no entries: no knowledge-base part, no rankings.
		expect([team.rankingMonths, team.publishedEntries, team.unansweredQueries]).toEqual([[], 0, []]);
	});

	it('rank the unanswered queries and the opened entries, and list the published ones nobody opened', async () => {
		const figures = await figuresOf({ kind: 'province' });
		expect(figures.rankingMonths).toEqual(['2026-11']);
		expect(figures.unansweredQueries).toEqual([
			{ query: '电动车上牌', count: 3 },
			{ query: '公积金', count: 2 },
			{ query: '居住证', count: 1 }
		]);
		expect(figures.mostOpened).toEqual([
			{ entryId: 'entry:rf-1', question: '知识点 rf-1', count: 2 },
			{ entryId: 'entry:rf-4', question: '知识点 rf-4', count: 1 }
		]);
		expect(figures.distinctOpened).toBe(2);
		expect(figures.staleUnopened.map((row) => row.entryId)).toEqual(['entry:rf-6', 'entry:rf-2']);
		const haikou = await figuresOf({ kind: 'sub', code: 'haikou', name: '海口' });
		expect([haikou.mostOpened.length, haikou.staleUnopened]).toEqual([1, []]);
	});
});

describe('the helpers', () => {
	it('take the median of a distribution, averaging the two middle values of an even count', () => {
		expect(medianOf(new Map())).toBeNull();
		expect(medianOf(new Map([[5, 1]]))).toBe(5);
		expect(
			medianOf(
				new Map([
					[90, 1],
					[30, 1]
				])
			)
		).toBe(60);
		expect(
			medianOf(
				new Map([
					[10, 3],
					[100, 1]
				])
			)
		).toBe(10);
	});

	it('list the months a period touches', () => {
		expect(monthsOf(parsePeriod('2026-W48')!)).toEqual(['2026-11']);
		expect(monthsOf(parsePeriod('2026-Q4')!)).toEqual(['2026-10', '2026-11', '2026-12']);
		expect(monthsOf(parsePeriod('2026-12-28..2027-01-03')!)).toEqual(['2026-12', '2027-01']);
	});
});

describe('a province year', () => {
	it('takes a ranking of 200 000 rows from one read', async () => {
		const opened = Array.from({ length: 200_000 }, (_, index) => ({
			key: ['all', `2026-${String(1 + (index % 12)).padStart(2, '0')}`, `entry:e${index % 100_000}`],
			value: 1 + (index % 3)
		}));
		const figures = await readKnowledgeFigures({ kind: 'province' }, parsePeriod('2026')!, {
			read: async (query) => (query.view === 'reports/opened-entries' ? opened : []),
			entries: async () => [],
			now: '2026-12-06T00:00:00.000Z'
		});
		expect(figures.distinctOpened).toBe(100_000);
		// Opened twice each, 1 + i % 3 times: entries with k % 3 = 1 sum to 5, the first of them by id is e1.
		expect(figures.mostOpened[0]).toMatchObject({ entryId: 'entry:e1', count: 5 });
	});
});
