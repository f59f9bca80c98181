import { describe, expect, it } from 'vitest';
import { databases, type Role } from './catalog';
import { replicationPlan } from './replication-plan';

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
