// The draw: repeatable from its seed whatever order the calls come in, proportional within strata, minimums
// per agent, and the must-include rules.
import { describe, expect, it } from 'vitest';
import { drawSample, type SampleCall } from './draw-sample';
import { seededShuffle } from './seeded-order';

const TYPES = ['社保', '医保', '公积金', '户籍'];
/** 1 000 calls of 10 agents; agent10 has only 3; every 50th a complaint, every 70th unsatisfied. */
const calls: SampleCall[] = Array.from({ length: 1_000 }, (_, index) => ({
	id: `recording:C2026120${index % 7}-${String(index).padStart(5, '0')}`,
	agent: index < 3 ? 'agent10' : `agent0${index % 9}`,
	businessType: TYPES[index % 7 < 4 ? 0 : index % 4]!,
	subPlatform: index % 3 === 0 ? 'haikou' : 'sanya',
	durationSeconds: 20 + (index % 400),
	complaint: index % 50 === 0,
	unsatisfied: index % 70 === 0
}));
const ids = (result: ReturnType<typeof drawSample>) => result.drawn.map((call) => call.id);
const countBy = (drawn: string[], field: keyof SampleCall) => {
	const byId = new Map(calls.map((call) => [call.id, call]));
	const counts = new Map<unknown, number>();
	for (const id of drawn) counts.set(byId.get(id)![field], (counts.get(byId.get(id)![field]) ?? 0) + 1);
	return counts;
};

describe('drawSample', () => {
	it('draws the same calls from the same seed, whatever their order, and others from another seed', () => {
		const rules = { size: { ratio: 0.05 }, stratifyBy: ['businessType' as const] };
		const first = drawSample(calls, rules, '2026-W49/plan:weekly');
		const again = drawSample(seededShuffle(calls, 'any order'), rules, '2026-W49/plan:weekly');
		expect(ids(again)).toEqual(ids(first));
		expect(first.drawn).toHaveLength(50);
		const other = drawSample(calls, rules, '2026-W50/plan:weekly');
		expect(ids(other)).not.toEqual(ids(first));
	});

	it('keeps each stratum’s share of the population', () => {
		const result = drawSample(calls, { size: { ratio: 0.1 }, stratifyBy: ['businessType'] }, 'seed');
		const population = countBy(
			calls.map((call) => call.id),
			'businessType'
		);
		const drawn = countBy(ids(result), 'businessType');
		expect(result.drawn).toHaveLength(100);
		for (const [type, size] of population) expect(Math.abs(drawn.get(type)! - size / 10)).toBeLessThan(1);
	});

	it('gives every agent the minimum, even one with few calls', () => {
		const result = drawSample(calls, { size: { ratio: 0.01 }, minimumPerAgent: 5 }, 'seed');
		const byAgent = countBy(ids(result), 'agent');
		expect(byAgent.get('agent10')).toBe(3);
		for (let agent = 0; agent < 9; agent++) expect(byAgent.get(`agent0${agent}`)).toBeGreaterThanOrEqual(5);
		expect(result.drawn.filter((call) => call.reason === 'minimum').length).toBeGreaterThan(0);
	});

	it('draws so many calls per agent', () => {
		const result = drawSample(calls, { size: { perAgent: 4 } }, 'seed');
		const byAgent = countBy(ids(result), 'agent');
		expect(byAgent.get('agent10')).toBe(3);
		expect([...byAgent.values()].filter((count) => count === 4)).toHaveLength(9);
	});

	it('always draws complaints, unsatisfied 回访 and long calls, counted in their stratum', () => {
		const result = drawSample(
			calls,
			{
				size: { ratio: 0.02 },
				mustInclude: { complaints: true, unsatisfied: true, longerThanSeconds: 415 }
			},
			'seed'
		);
		const required = calls.filter((call) => call.complaint || call.unsatisfied || call.durationSeconds > 415);
		const drawnRequired = result.drawn.filter((call) => call.reason === 'required').map((call) => call.id);
		expect(drawnRequired.sort()).toEqual(required.map((call) => call.id).sort());
		// 2 % of 1 000 is 20: the required calls fill it, nothing random is added.
		expect(required.length).toBeGreaterThan(20);
		expect(result.drawn.filter((call) => call.reason === 'random')).toHaveLength(0);
	});

	it('leaves short calls out of the population', () => {
		const result = drawSample(calls, { size: { ratio: 1 }, minimumSeconds: 30 }, 'seed');
		expect(result.excluded).toBe(calls.filter((call) => call.durationSeconds < 30).length);
		expect(result.population + result.excluded).toBe(calls.length);
		expect(result.drawn).toHaveLength(result.population);
	});
});

describe('coaching follow-ups', () => {
	it('draws at least the calls an open coaching task asks for, and the same ones from the same seed', () => {
		const rules = { size: { ratio: 0.01 }, followUps: [{ agent: 'agent03', calls: 6 }] };
		const first = drawSample(calls, rules, 'seed');
		const coached = first.drawn.filter(
			(call) => calls.find((candidate) => candidate.id === call.id)!.agent === 'agent03'
		);
		expect(coached.length).toBeGreaterThanOrEqual(6);
		expect(first.drawn.some((call) => call.reason === 'coaching')).toBe(true);
		expect(drawSample(seededShuffle(calls, 'again'), rules, 'seed').drawn).toEqual(first.drawn);
	});
});
