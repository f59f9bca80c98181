import { describe, expect, it } from 'vitest';
import { matchesSelector } from 'pouchdb-selector-core';
import { accountRoles, cityRole, databases, memberRoles, personalDatabaseSpec, type Role } from './catalog';
import { pullSelectorOf, recentHistoryStart, replicationPlan } from './replication-plan';

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
		[['inspector'], ['kb←pub', 'qa←qa⇄', 'calib-6167656e743031←calib-6167656e743031⇄']],
		[
			['supervisor', 'inspector'],
			[
				'kb←pub',
				'feedback←feedback⇄',
				'qa←qa⇄',
				'reports←reports⇄',
				'calib-6167656e743031←calib-6167656e743031⇄'
			]
		],
		[['admin'], ['kb←kb⇄', 'feedback←feedback⇄', 'qa←qa⇄', 'reports←reports⇄']],
		[['analyst'], ['kb←pub', 'qa←qa', 'reports←reports']]
	])('%o replicates %o', (roles, expected) => {
		expect(remotes(roles)).toEqual(expected);
	});

	it('never plans a server database the roles may not read, for province and city staff', () => {
		const allRoles: Role[] = ['admin', 'editor', 'reviewer', 'inspector', 'agent', 'supervisor', 'analyst'];
		for (const cities of [[], ['haikou']]) {
			for (const role of allRoles) {
				const userRoles = accountRoles([role, ...cities.map(cityRole)]);
				for (const plan of replicationPlan('agent01', [role], '2026-12-05', cities)) {
					const spec = databases[plan.remote] ?? personalDatabaseSpec(plan.remote);
					expect(spec, plan.remote).toBeDefined();
					if (plan.remote.endsWith('-6167656e743031')) continue; // the agent's own: a member by name
					const city = plan.remote.endsWith('-haikou') ? 'haikou' : undefined;
					const members = [
						...memberRoles(spec!, city),
						...(plan.remote === 'pub-haikou' ? ['city:haikou'] : [])
					];
					expect(
						members.some((member) => userRoles.includes(member)),
						`${role} ${cities} → ${plan.remote}`
					).toBe(true);
				}
			}
		}
	});

	it.each<[Role[], string[]]>([
		[['editor'], ['kb←citykb-haikou⇄', 'kb←pub', 'feedback←feedback⇄']],
		[['inspector'], ['kb←pub', 'kb←pub-haikou', 'qa←cityqa-haikou⇄']],
		[['admin'], ['kb←kb⇄', 'feedback←feedback⇄', 'qa←qa⇄', 'reports←reports⇄']]
	])('%o of 海口 replicates %o', (roles, expected) => {
		expect(
			replicationPlan('agent01', roles, '2026-12-05', ['haikou']).map(
				(plan) => `${plan.local}←${plan.remote}${plan.push ? '⇄' : ''}`
			)
		).toEqual(expected);
	});

	it('gives an analyst who is who and what a QA report needs, never a publication or a result', () => {
		const [kb, qa] = replicationPlan('analyst01', ['analyst']).map(pullSelectorOf);
		const pulls = (selector: Record<string, unknown> | undefined, doc: object) =>
			matchesSelector(doc, selector!);
		expect(pulls(kb, { _id: 'profile:agent01', type: 'profile' })).toBe(true);
		expect(pulls(kb, { _id: 'subPlatform:haikou', type: 'subPlatform' })).toBe(true);
		expect(pulls(kb, { _id: 'publishedEntry:x', type: 'publishedEntry' })).toBe(false);
		expect(pulls(qa, { _id: 'scorecard:x', type: 'scorecard' })).toBe(true);
		expect(pulls(qa, { _id: 'evaluation:x', type: 'evaluation', status: 'submitted' })).toBe(false);
		expect(pulls(qa, { _id: 'recording:x', type: 'recording' })).toBe(false);
	});

	it('leaves the province kb’s version history and publications on the server, and lets deletions through', () => {
		const kb = replicationPlan('editor01', ['editor', 'reviewer'], '2026-12-05').find(
			(plan) => plan.local === 'kb'
		)!;
		const pulled = (doc: Record<string, unknown>) => matchesSelector(doc, pullSelectorOf(kb)!);
		expect(kb.leftOnServer).toEqual(['entryVersion', 'publishedEntry']);
		expect(pulled({ _id: 'entry:a', type: 'entry' })).toBe(true);
		expect(pulled({ _id: 'category:a', type: 'category' })).toBe(true);
		expect(pulled({ _id: 'entryVersion:a:1', type: 'entryVersion' })).toBe(false);
		expect(pulled({ _id: 'publishedEntry:a', type: 'publishedEntry' })).toBe(false);
		expect(pulled({ _id: 'entry:a', _deleted: true })).toBe(true);
		// A city's desk is small: it keeps its history.
		const desk = replicationPlan('editor01', ['editor'], '2026-12-05', ['haikou'])[0]!;
		expect(desk.leftOnServer).toBeUndefined();
		expect(pullSelectorOf(desk)).toBeUndefined();
	});

	it('pulls none of an agent’s own search logs back, and their reports of a bounded window', () => {
		const feedback = replicationPlan('agent01', ['agent'], '2026-12-05').find(
			(plan) => plan.local === 'feedback'
		)!;
		const pulled = (doc: Record<string, unknown>) => matchesSelector(doc, feedback.pullSelector!);
		expect(pulled({ type: 'searchLog', createdAt: '2026-12-05T00:00:00.000Z' })).toBe(false);
		expect(pulled({ type: 'correction', status: 'open', createdAt: '2025-01-01T00:00:00.000Z' })).toBe(true);
		expect(
			pulled({
				type: 'searchMiss',
				status: 'closed',
				createdAt: '2026-11-30T00:00:00.000Z',
				updatedAt: '2026-12-01T00:00:00.000Z'
			})
		).toBe(true);
		expect(
			pulled({
				type: 'searchMiss',
				status: 'closed',
				createdAt: '2026-09-01T00:00:00.000Z',
				updatedAt: '2026-09-02T00:00:00.000Z'
			})
		).toBe(false);
	});

	it('moves every window on at the start of a Beijing month, so a copy is made again then', () => {
		const selectors = (today: string) =>
			JSON.stringify(
				replicationPlan('agent01', ['agent', 'inspector'], today).map((plan) => plan.pullSelector)
			);
		expect(selectors('2026-12-01')).toBe(selectors('2026-12-31'));
		expect(selectors('2026-12-31')).not.toBe(selectors('2027-01-01'));
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

describe('the QA roles’ working set', () => {
	const qaOf = (user: string, roles: Role[]) =>
		replicationPlan(user, roles, '2026-12-05').find((plan) => plan.local === 'qa')!.pullSelector!;
	const recent = '2026-11-20T00:00:00.000Z';
	const old = '2026-09-20T00:00:00.000Z';

	it('never pulls the calls themselves: the list reads them from the server', () => {
		for (const type of ['recording', 'waveform', 'transcript'])
			expect(
				matchesSelector(
					{ type, startedAt: recent, recordingId: 'recording:x' },
					qaOf('inspector01', ['inspector'])
				)
			).toBe(false);
	});

	it('gives an inspector their own recent or draft evaluations, a supervisor everyone’s', () => {
		const evaluation = (inspector: string, status: string, updatedAt: string) => ({
			type: 'evaluation',
			inspector,
			status,
			updatedAt
		});
		const inspector = qaOf('inspector01', ['inspector']);
		expect(matchesSelector(evaluation('inspector01', 'submitted', recent), inspector)).toBe(true);
		expect(matchesSelector(evaluation('inspector01', 'draft', old), inspector)).toBe(true);
		expect(matchesSelector(evaluation('inspector01', 'submitted', old), inspector)).toBe(false);
		expect(matchesSelector(evaluation('inspector02', 'submitted', recent), inspector)).toBe(false);
		const supervisor = qaOf('supervisor01', ['supervisor', 'inspector']);
		expect(matchesSelector(evaluation('inspector02', 'submitted', recent), supervisor)).toBe(true);
		expect(matchesSelector(evaluation('inspector02', 'final', old), supervisor)).toBe(false);
		expect(matchesSelector({ type: 'scorecard' }, inspector)).toBe(true);
		expect(matchesSelector({ type: 'appeal', status: 'open', createdAt: old }, inspector)).toBe(true);
	});
});

describe('a sub-platform’s staff', () => {
	it('read the province’s publications and their city’s, into one local kb, never another city’s', () => {
		const plans = replicationPlan('agent03', ['agent'], '2026-12-05', ['haikou']);
		expect(plans.filter((plan) => plan.local === 'kb').map((plan) => [plan.remote, plan.push])).toEqual([
			['pub', false],
			['pub-haikou', false]
		]);
	});

	it('push to their desk only what they may write there', () => {
		const desk = replicationPlan('editor03', ['editor'], '2026-12-05', ['haikou'])[0]!;
		const pushed = (doc: Record<string, unknown>) => matchesSelector(doc, desk.pushSelector!);
		expect(pushed({ _id: 'entry:x', type: 'entry', subPlatform: 'haikou' })).toBe(true);
		expect(pushed({ _id: 'publishedEntry:x', type: 'publishedEntry', subPlatform: 'haikou' })).toBe(true);
		expect(pushed({ _id: 'profile:editor03', type: 'profile', subPlatform: 'haikou' })).toBe(true);
		expect(pushed({ _id: 'entry:gone', _rev: '2-a', _deleted: true })).toBe(true);
		expect(pushed({ _id: 'publishedEntry:province', type: 'publishedEntry' })).toBe(false);
		expect(pushed({ _id: 'profile:agent04', type: 'profile', subPlatform: 'sanya' })).toBe(false);
		expect(pushed({ _id: '_design/app', views: {} })).toBe(false);
		expect(replicationPlan('editor01', ['editor'], '2026-12-05')[0]!.pushSelector).toBeUndefined();
	});

	it('who edit work on their city’s desk and read the province’s publications, never kb', () => {
		const plans = replicationPlan('editor03', ['editor'], '2026-12-05', ['haikou']);
		expect(plans.filter((plan) => plan.local === 'kb').map((plan) => [plan.remote, plan.push])).toEqual([
			['citykb-haikou', true],
			['pub', false]
		]);
	});
});
