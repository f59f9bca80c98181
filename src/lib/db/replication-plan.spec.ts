import { describe, expect, it } from 'vitest';
import { matchesSelector } from 'pouchdb-selector-core';
import { databases, type Role } from './catalog';
import { recentHistoryStart, replicationPlan } from './replication-plan';

const remotes = (roles: Role[], user = 'agent01') =>
	replicationPlan(user, roles).map((plan) => `${plan.local}←${plan.remote}${plan.push ? '⇄' : ''}`);

describe('replicationPlan', () => {
	it.each<[Role[], string[]]>([
		[
			['agent'],
			[
				'kb←pub',
				'feedback←feedback-agent-6167656e743031⇄',
				'qa-agent-6167656e743031←qa-agent-6167656e743031⇄'
			]
		],
		[['editor'], ['kb←kb⇄', 'feedback←feedback⇄']],
		[
			['reviewer', 'editor'],
			['kb←kb⇄', 'feedback←feedback⇄']
		],
		[['inspector'], ['kb←pub', 'qa←qa⇄']],
		[
			['supervisor', 'inspector'],
			['kb←pub', 'feedback←feedback⇄', 'qa←qa⇄']
		],
		[['admin'], ['kb←kb⇄', 'feedback←feedback⇄', 'qa←qa⇄']]
	])('%o replicates %o', (roles, expected) => {
		expect(remotes(roles)).toEqual(expected);
	});

	it('never plans a server database the roles may not read', () => {
		const allRoles: Role[] = ['admin', 'editor', 'reviewer', 'inspector', 'agent', 'supervisor'];
		for (const role of allRoles) {
			for (const plan of replicationPlan('agent01', [role])) {
				const spec = databases[plan.remote];
				if (spec) expect(spec.readerRoles, `${role} → ${plan.remote}`).toContain(role);
				else expect(plan.remote, role).toMatch(/-6167656e743031$/);
			}
		}
	});

	it('pulls none of an agent’s own search logs back', () => {
		const feedback = replicationPlan('agent01', ['agent']).find((plan) => plan.local === 'feedback')!;
		expect(feedback.pullSelector).toEqual({ type: { $ne: 'searchLog' } });
	});
});

describe('the editors’ feedback working set', () => {
	const feedback = replicationPlan('editor01', ['editor'], '2026-12-05').find(
		(plan) => plan.local === 'feedback'
	)!;
	const pulled = (doc: Record<string, unknown>) => matchesSelector(doc, feedback.pullSelector!);

	it('starts its recent history at the start of last month, Beijing time', () => {
		expect(recentHistoryStart('2026-12-05')).toBe('2026-10-31T16:00:00.000Z');
		expect(recentHistoryStart('2026-01-31')).toBe('2025-11-30T16:00:00.000Z');
	});

	it('pulls open items, recently handled ones and decisions; never a search log or old history', () => {
		expect(pulled({ type: 'searchMiss', status: 'open' })).toBe(true);
		expect(pulled({ type: 'correction', status: 'closed', updatedAt: '2026-11-02T00:00:00.000Z' })).toBe(
			true
		);
		expect(pulled({ type: 'suggestionDecision' })).toBe(true);
		expect(
			pulled({ type: 'knowledgeQuestion', status: 'closed', updatedAt: '2026-10-30T00:00:00.000Z' })
		).toBe(false);
		expect(pulled({ type: 'searchLog', query: '社保卡', resultCount: 0 })).toBe(false);
	});
});
