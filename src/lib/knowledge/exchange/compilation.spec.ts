import { describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { draftEntry } from '../../../../tests/fixtures/documents';
import { categoryPath } from '../category-tree';
import { compileChanges, periodRange } from './compilation';
import { TEST_CATEGORIES } from '../../../../tests/fixtures/import/categories';

describe('periodRange', () => {
	it.each([
		['week', '2026-11-20', '2026-11-16', '2026-11-22', '2026年第47周'],
		['week', '2026-11-16', '2026-11-16', '2026-11-22', '2026年第47周'],
		['week', '2026-11-22', '2026-11-16', '2026-11-22', '2026年第47周'],
		['week', '2027-01-01', '2026-12-28', '2027-01-03', '2026年第53周'],
		['week', '2024-12-30', '2024-12-30', '2025-01-05', '2025年第1周'],
		['week', '2026-01-01', '2025-12-29', '2026-01-04', '2026年第1周'],
		['month', '2026-11-20', '2026-11-01', '2026-11-30', '2026年11月'],
		['month', '2024-02-10', '2024-02-01', '2024-02-29', '2024年2月'],
		['month', '2026-12-05', '2026-12-01', '2026-12-31', '2026年12月'],
		['year', '2026-11-20', '2026-01-01', '2026-12-31', '2026年']
	] as const)('%s of %s: %s to %s, %s', (kind, anchor, from, to, label) => {
		expect(periodRange(kind, anchor)).toEqual({ from, to, label });
	});

	it.each(['', '2026-02-30', '2026/11/20'])('refuses the anchor %j', (anchor) => {
		expect(() => periodRange('week', anchor)).toThrow(RangeError);
	});
});

describe('compileChanges', () => {
	const byId = new Map(TEST_CATEGORIES.map((category) => [category._id, category]));
	const pathOf = (id: string) => categoryPath(byId, id);
	const week = periodRange('week', '2026-11-20');
	const BEFORE = '2026-10-01T02:00:00.000Z';

	function entry(id: string, overrides: Partial<Entry>): Entry {
		return draftEntry({
			_id: `entry:${id}`,
			status: 'published',
			createdAt: BEFORE,
			updatedAt: BEFORE,
			publishedAt: BEFORE,
			templateFields: [],
			...overrides
		});
	}

	const entries = [
		entry('created', {
			standardQuestion: '社保卡怎么补办？',
			categoryId: 'category:shebaoka',
			createdAt: '2026-11-18T02:00:00.000Z',
			updatedAt: '2026-11-19T02:00:00.000Z'
		}),
		entry('first-published', {
			standardQuestion: '医保怎么报销？',
			categoryId: 'category:yibao',
			publishedAt: '2026-11-17T02:00:00.000Z'
		}),
		entry('revised', {
			standardQuestion: '公积金怎么提取？',
			categoryId: 'category:gjj-tiqu',
			version: 2,
			updatedAt: '2026-11-20T02:00:00.000Z',
			publishedAt: '2026-11-20T02:00:00.000Z'
		}),
		entry('edited', {
			standardQuestion: '补卡要带什么？',
			categoryId: 'category:shebaoka',
			updatedAt: '2026-11-21T02:00:00.000Z'
		}),
		entry('untouched', { standardQuestion: '公积金贷款额度？', categoryId: 'category:gjj-daikuan' }),
		// 01:00 on Monday in Beijing is still Sunday in UTC: it belongs to this week.
		entry('monday-early', {
			standardQuestion: '挂失要多久？',
			categoryId: 'category:shebaoka',
			createdAt: '2026-11-15T17:00:00.000Z',
			updatedAt: '2026-11-15T17:00:00.000Z'
		}),
		// 00:30 on the next Monday in Beijing: the next week.
		entry('next-week', {
			standardQuestion: '下周的问题？',
			categoryId: 'category:shebaoka',
			updatedAt: '2026-11-22T16:30:00.000Z'
		})
	];

	it('groups the entries added or changed in the period by category path, marked 新增 or 修改', () => {
		const compilation = compileChanges(entries, pathOf, week);
		expect(
			compilation.groups.map((group) => [
				group.categoryPath,
				group.entries.map((item) => `${item.mark} ${item.entry.standardQuestion}`)
			])
		).toEqual([
			['公积金 › 提取', ['修改 公积金怎么提取？']],
			['社会保障 › 社保卡', ['新增 挂失要多久？', '新增 社保卡怎么补办？', '修改 补卡要带什么？']],
			['社会保障 › 医疗保险', ['新增 医保怎么报销？']]
		]);
		expect(compilation).toMatchObject({ added: 3, changed: 2 });
	});

	it('keeps the latest change inside the period', () => {
		const created = compileChanges(entries, pathOf, week)
			.groups.flatMap((group) => group.entries)
			.find((item) => item.entry._id === 'entry:created');
		expect(created?.changedAt).toBe('2026-11-19T02:00:00.000Z');
	});

	it('is empty for a period without changes', () => {
		expect(compileChanges(entries, pathOf, periodRange('month', '2025-06-01'))).toEqual({
			groups: [],
			added: 0,
			changed: 0
		});
	});
});
