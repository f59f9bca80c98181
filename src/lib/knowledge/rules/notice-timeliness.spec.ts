import { describe, expect, it } from 'vitest';
import type { ChangeNotice, Entry } from '$lib/db/generated/documents';
import { noticeDeadline, noticeState, publishedAfter, timelinessRate } from './notice-timeliness';
import { sampleEntry } from './sample-entry.fixture';

const RECEIVED = '2026-03-02T01:00:00.000Z';
const DEADLINE = '2026-03-03T01:00:00.000Z';

function notice(affectedEntries: string[], receivedAt = RECEIVED): ChangeNotice {
	return {
		_id: `changeNotice:${receivedAt}`,
		type: 'changeNotice',
		issuingDepartment: '市人社局',
		documentTitle: '关于调整社保卡补办流程的通知',
		receivedAt,
		summary: '补办不再需要照片',
		affectedEntries,
		createdBy: 'editor01',
		createdAt: receivedAt
	};
}

/** An entry published once before the notice, then at the given moments. */
function entryPublishedAt(id: string, ...publishedAt: string[]): Entry {
	return sampleEntry({
		_id: id,
		history: [
			{ action: 'create', by: 'editor01', at: '2026-01-05T02:00:00.000Z' },
			{ action: 'publish', by: 'reviewer01', at: '2026-01-06T02:00:00.000Z' },
			...publishedAt.flatMap((at) => [
				{ action: 'edit', by: 'editor01', at },
				{ action: 'publish', by: 'reviewer01', at }
			])
		]
	});
}

const byId = (...entries: Entry[]) => new Map(entries.map((entry) => [entry._id, entry]));

describe('a change notice', () => {
	it('is due 24 hours after it was received', () => {
		expect(noticeDeadline({ receivedAt: RECEIVED })).toBe(DEADLINE);
		expect(noticeDeadline({ receivedAt: '2026-03-02T01:00:00Z' })).toBe(DEADLINE);
	});

	it.each([
		['a publish before the notice does not count', [], undefined],
		['the publish at the moment of receipt counts', [RECEIVED], RECEIVED],
		[
			'the first publish after receipt',
			['2026-03-02T05:00:00.000Z', '2026-03-02T03:00:00.000Z'],
			'2026-03-02T03:00:00.000Z'
		]
	])('%s', (_case, publishes, expected) => {
		expect(publishedAfter(entryPublishedAt('entry:a', ...publishes), RECEIVED)?.at).toBe(expected);
	});

	it('ignores history events other than publishing', () => {
		const entry = sampleEntry({
			history: [{ action: 'submit', by: 'editor01', at: '2026-03-02T02:00:00.000Z' }]
		});
		expect(publishedAfter(entry, RECEIVED)).toBeUndefined();
	});

	it.each([
		[
			'on time: published within 24 h',
			['entry:a'],
			[entryPublishedAt('entry:a', '2026-03-02T09:00:00.000Z')],
			'2026-03-05T00:00:00.000Z',
			{ done: true, doneAt: '2026-03-02T09:00:00.000Z', onTime: true, overdue: false, pendingEntryIds: [] }
		],
		[
			'on time: published exactly at the deadline',
			['entry:a'],
			[entryPublishedAt('entry:a', DEADLINE)],
			'2026-03-05T00:00:00.000Z',
			{ done: true, onTime: true, overdue: false }
		],
		[
			'late: published a minute after the deadline',
			['entry:a'],
			[entryPublishedAt('entry:a', '2026-03-03T01:01:00.000Z')],
			'2026-03-05T00:00:00.000Z',
			{ done: true, doneAt: '2026-03-03T01:01:00.000Z', onTime: false, overdue: false }
		],
		[
			'pending within 24 h: no verdict yet',
			['entry:a'],
			[entryPublishedAt('entry:a')],
			'2026-03-02T20:00:00.000Z',
			{ done: false, onTime: null, overdue: false, pendingEntryIds: ['entry:a'] }
		],
		[
			'pending exactly at the deadline: not overdue yet',
			['entry:a'],
			[entryPublishedAt('entry:a')],
			DEADLINE,
			{ done: false, onTime: null, overdue: false }
		],
		[
			'overdue: still pending after 24 h',
			['entry:a'],
			[entryPublishedAt('entry:a')],
			'2026-03-03T01:00:00.001Z',
			{ done: false, onTime: false, overdue: true, pendingEntryIds: ['entry:a'] }
		],
		[
			'no linked entries within 24 h: pending',
			[],
			[],
			'2026-03-02T02:00:00.000Z',
			{ done: false, onTime: null, overdue: false, pendingEntryIds: [] }
		],
		[
			'no linked entries after 24 h: overdue',
			[],
			[],
			'2026-03-04T00:00:00.000Z',
			{ done: false, onTime: false, overdue: true }
		],
		[
			'a linked entry that cannot be found is pending',
			['entry:gone'],
			[],
			'2026-03-02T02:00:00.000Z',
			{ done: false, pendingEntryIds: ['entry:gone'] }
		],
		[
			'several entries, one late: late, done when the last was published',
			['entry:a', 'entry:b', 'entry:c'],
			[
				entryPublishedAt('entry:a', '2026-03-02T03:00:00.000Z'),
				entryPublishedAt('entry:b', '2026-03-03T08:00:00.000Z'),
				entryPublishedAt('entry:c', '2026-03-02T23:00:00.000Z')
			],
			'2026-03-05T00:00:00.000Z',
			{ done: true, doneAt: '2026-03-03T08:00:00.000Z', onTime: false, overdue: false }
		],
		[
			'several entries, one still pending after 24 h: overdue, listing only the pending one',
			['entry:a', 'entry:b'],
			[entryPublishedAt('entry:a', '2026-03-02T03:00:00.000Z'), entryPublishedAt('entry:b')],
			'2026-03-04T00:00:00.000Z',
			{ done: false, onTime: false, overdue: true, pendingEntryIds: ['entry:b'] }
		]
	] as const)('%s', (_case, affected, entries, now, expected) => {
		const state = noticeState(notice([...affected]), byId(...entries), new Date(now));
		expect(state).toMatchObject({ deadline: DEADLINE, ...expected });
		if (!state.done) expect(state.doneAt).toBeUndefined();
	});
});

describe('知识库更新及时率 over a period', () => {
	const entries = byId(
		entryPublishedAt(
			'entry:fast',
			'2026-03-01T02:00:00.000Z',
			'2026-03-10T02:00:00.000Z',
			'2026-03-31T20:00:00.000Z'
		),
		entryPublishedAt('entry:slow', '2026-03-12T02:00:00.000Z'),
		entryPublishedAt('entry:never')
	);
	const notices = [
		notice(['entry:fast'], '2026-02-28T23:00:00.000Z'), // before the period
		notice(['entry:fast'], '2026-03-01T00:00:00.000Z'), // on time, on the first instant of the period
		notice(['entry:fast'], '2026-03-10T00:00:00.000Z'), // on time
		notice(['entry:slow'], '2026-03-10T00:00:00.000Z'), // late
		notice(['entry:never'], '2026-03-20T00:00:00.000Z'), // overdue
		notice(['entry:never'], '2026-03-31T18:00:00.000Z'), // pending within 24 h at `now`
		notice(['entry:fast'], '2026-03-31T19:00:00.000Z'), // done on time, before its 24 h are up
		notice(['entry:fast'], '2026-04-01T00:00:00.000Z') // the period's end is excluded
	];
	const now = new Date('2026-04-01T02:00:00.000Z');

	it.each([
		['March', '2026-03-01', '2026-04-01', { onTime: 3, total: 5, rate: 0.6 }],
		[
			'March, with UTC timestamps as bounds',
			'2026-03-01T00:00:00.000Z',
			'2026-04-01T00:00:00.000Z',
			{ onTime: 3, total: 5, rate: 0.6 }
		],
		['a day with only on-time notices', '2026-03-01', '2026-03-02', { onTime: 1, total: 1, rate: 1 }],
		[
			'a day with only a pending notice',
			'2026-03-31T18:00:00.000Z',
			'2026-03-31T19:00:00.000Z',
			{ onTime: 0, total: 0, rate: null }
		],
		['a period without notices', '2026-05-01', '2026-06-01', { onTime: 0, total: 0, rate: null }]
	])('%s', (_case, from, to, expected) => {
		expect(timelinessRate(notices, entries, from, to, now)).toEqual(expected);
	});

	it('counts the pending notice once its 24 h have passed', () => {
		const later = new Date('2026-04-02T00:00:00.000Z');
		expect(timelinessRate(notices, entries, '2026-03-01', '2026-04-01', later)).toEqual({
			onTime: 3,
			total: 6,
			rate: 0.5
		});
	});
});
