// A period's draw as stored: repeatable from its seed and population, assigned by workload away from the
// inspectors' own teams, due on the working-day calendar, and audited against what was stored.
import { describe, expect, it } from 'vitest';
import type { SamplingPlan } from '$lib/db/generated/documents';
import { assignInspectors, NoEligibleInspector } from './assign-inspectors';
import { auditDraw, planDraw, reassignCall, type DrawPopulation } from './plan-draw';
import { COMPLAINT_FLAG, populationOf, UNSATISFIED_FLAG, type PopulationValue } from './population';

const TEAMS: Record<string, string> = { agent01: '一班', agent02: '一班', agent03: '二班', agent04: '二班' };
const rows = Array.from({ length: 400 }, (_, index) => ({
	id: `recording:C202611${String(16 + (index % 7)).padStart(2, '0')}-${String(index).padStart(4, '0')}`,
	value: [
		`agent0${(index % 4) + 1}`,
		index % 3 === 0 ? '社会保障' : '住房公积金',
		index % 5 === 0 ? 'haikou' : '',
		index % 9 === 0 ? 'callback' : 'inbound',
		15 + (index % 300),
		(index % 40 === 0 ? COMPLAINT_FLAG : 0) | (index % 45 === 0 ? UNSATISFIED_FLAG : 0)
	] as PopulationValue
}));

const plan: SamplingPlan = {
	_id: 'samplingPlan:weekly',
	type: 'samplingPlan',
	name: '每周抽检',
	period: { kind: 'weekly', weekday: 1 },
	rules: {
		population: { minimumSeconds: 30, directions: ['inbound'] },
		size: { ratio: 0.05 },
		minimumPerAgent: 3,
		stratifyBy: ['agent'],
		mustInclude: { complaints: true, unsatisfied: true }
	},
	assignment: {
		inspectors: ['inspector01', 'inspector03', 'supervisor01'],
		avoidOwnTeam: true,
		dueWorkingDays: 3
	},
	active: true,
	createdBy: 'supervisor01',
	createdAt: '2026-11-15T01:00:00.000Z',
	updatedBy: 'supervisor01',
	updatedAt: '2026-11-15T01:00:00.000Z'
};

function population(): DrawPopulation {
	return {
		calls: populationOf(rows, plan.rules.population, (agent) => TEAMS[agent]),
		inspectors: [
			{ name: 'inspector01', team: '质检组', load: 0 },
			{ name: 'inspector03', team: '质检组', load: 4 },
			{ name: 'supervisor01', team: '一班', load: 0 }
		]
	};
}
const WEEK = { from: '2026-11-16', to: '2026-11-22' };
const draw = (seed = 'a1b2c3d4e5f60718') =>
	planDraw(plan, WEEK, population(), seed, 'supervisor01', '2026-11-23T01:00:00.000Z');

describe('populationOf', () => {
	it('keeps the plan’s directions and gives each call its agent’s team and flags', () => {
		const calls = populationOf(rows, { directions: ['callback'] }, (agent) => TEAMS[agent]);
		expect(calls.every((call) => call.direction === 'callback')).toBe(true);
		expect(calls).toHaveLength(rows.filter((row) => row.value[3] === 'callback').length);
		const complaint = populationOf(rows, {}, (agent) => TEAMS[agent]).find((call) =>
			call.id.endsWith('-0040')
		);
		expect(complaint).toMatchObject({ agent: 'agent01', team: '一班', complaint: true });
		expect(populationOf(rows, { subPlatforms: [''] }, () => undefined).some((call) => call.subPlatform)).toBe(
			false
		);
	});
});

describe('planDraw', () => {
	it('draws the same calls and inspectors from the same seed, others from another', async () => {
		const first = await draw();
		const again = await draw();
		expect(again.draw.items).toEqual(first.draw.items);
		expect(again.draw.populationDigest).toBe(first.draw.populationDigest);
		const other = await draw('ffffffffffffffff');
		expect(other.draw.items.map((item) => item.recordingId)).not.toEqual(
			first.draw.items.map((item) => item.recordingId)
		);
	});

	it('holds every complaint and unsatisfied call, at least three per agent, and due three working days on', async () => {
		const { draw: stored } = await draw();
		const drawn = new Set(stored.items.map((item) => item.recordingId));
		for (const call of population().calls.filter((call) => call.durationSeconds >= 30))
			if (call.complaint || call.unsatisfied) expect(drawn.has(call.id)).toBe(true);
		for (const agent of Object.keys(TEAMS))
			expect(stored.items.filter((item) => item.agent === agent).length).toBeGreaterThanOrEqual(3);
		// 2026-11-22 is a Sunday: three working days on is Wednesday the 25th.
		expect(new Set(stored.items.map((item) => item.due))).toEqual(new Set(['2026-11-25']));
		expect(stored.excluded).toBeGreaterThan(0);
	});

	it('never gives supervisor01 the calls of 一班, and evens out the work', async () => {
		const { draw: stored } = await draw();
		expect(stored.items.filter((item) => item.team === '一班' && item.inspector === 'supervisor01')).toEqual(
			[]
		);
		const counts = new Map<string, number>();
		for (const item of stored.items) counts.set(item.inspector, (counts.get(item.inspector) ?? 0) + 1);
		// inspector03 owed 4 calls already: the others take those first.
		expect(counts.get('inspector01')! - counts.get('inspector03')!).toBeGreaterThanOrEqual(3);
	});

	it('refuses a draw no inspector may take', () => {
		expect(() =>
			assignInspectors(
				[{ id: 'recording:C1', team: '一班' }],
				[{ name: 'supervisor01', team: '一班', load: 0 }],
				true,
				's'
			)
		).toThrow(NoEligibleInspector);
	});
});

describe('auditDraw', () => {
	it('confirms an untouched draw, and one reassigned with its history', async () => {
		const { draw: stored, populationJson } = await draw();
		expect(await auditDraw(stored, populationJson)).toMatchObject({
			populationIntact: true,
			sampleRepeats: true
		});
		const item = stored.items.find((candidate) => candidate.inspector === 'inspector01')!;
		const moved = reassignCall(
			stored,
			item.recordingId,
			'inspector03',
			'休假',
			'supervisor01',
			'2026-11-24T01:00:00.000Z'
		);
		expect(moved.history).toHaveLength(1);
		expect(await auditDraw(moved, populationJson)).toMatchObject({ sampleRepeats: true });
	});

	it('catches a swapped call and a population that is not the one drawn', async () => {
		const { draw: stored, populationJson } = await draw();
		const outside = population().calls.find(
			(call) => !stored.items.some((item) => item.recordingId === call.id)
		)!;
		const swapped = {
			...stored,
			items: stored.items.map((item, index) => (index === 0 ? { ...item, recordingId: outside.id } : item))
		};
		const audit = await auditDraw(swapped, populationJson);
		expect(audit.sampleRepeats).toBe(false);
		expect(audit.unexpected).toEqual([outside.id]);
		const tampered = populationJson.replace('"agent02"', '"agent09"');
		expect((await auditDraw(stored, tampered)).populationIntact).toBe(false);
	});

	it('refuses a reassignment without a reason', async () => {
		const { draw: stored } = await draw();
		expect(() =>
			reassignCall(
				stored,
				stored.items[0]!.recordingId,
				'inspector03',
				' ',
				'supervisor01',
				'2026-11-24T01:00:00.000Z'
			)
		).toThrow('原因');
	});
});

describe('coaching follow-ups in a draw', () => {
	it('draw the calls an open task asks for, kept in the commitment so the audit repeats them', async () => {
		const coached = {
			...plan,
			rules: { ...plan.rules, minimumPerAgent: 0, followUps: [{ agent: 'agent04', calls: 8 }] }
		};
		const { draw: stored, populationJson } = await planDraw(
			coached,
			WEEK,
			population(),
			'a1b2c3d4e5f60718',
			'supervisor01',
			'2026-11-23T01:00:00.000Z'
		);
		expect(stored.rules.followUps).toEqual([{ agent: 'agent04', calls: 8 }]);
		expect(stored.items.filter((item) => item.agent === 'agent04').length).toBeGreaterThanOrEqual(8);
		expect(stored.items.some((item) => item.reason === 'coaching')).toBe(true);
		expect(await auditDraw(stored, populationJson)).toMatchObject({
			populationIntact: true,
			sampleRepeats: true
		});
	});
});
