// One period's draw of a plan, as stored: the sample (drawSample), who scores each call (assignInspectors),
// the due date on the working-day calendar, and the population it came from with its digest. The audit
// repeats it from what was stored and says whether the stored draw is what the seed gives.
import type { SampleDraw, SampleInput, SamplingPlan } from '$lib/db/generated/documents';
import { workingDayAfter } from '$lib/calendar/working-days';
import { assignInspectors, type InspectorSlot } from './assign-inspectors';
import { drawSample, type SamplingRules } from './draw-sample';
import type { DateRange } from './plan-periods';
import { sha256Hex, type PopulationCall } from './population';

export const POPULATION_ATTACHMENT = 'population.json.gz';

/** What a draw is made from, kept as the sampleInput's attachment. */
export interface DrawPopulation {
	calls: PopulationCall[];
	/** The plan's inspectors with their teams and what they still owed when the draw was made. */
	inspectors: InspectorSlot[];
}

export interface PlannedDraw {
	draw: SampleDraw;
	input: DrawCommitment;
	/** The attachment's text: the digest is of exactly these bytes. */
	populationJson: string;
}

const planKey = (planId: string) => planId.slice('samplingPlan:'.length);

export function drawIdOf(planId: string, period: DateRange): string {
	return `sampleDraw:${planKey(planId)}:${period.from}`;
}

export function inputIdOf(drawId: string): string {
	return `sampleInput:${drawId.slice('sampleDraw:'.length)}`;
}

/** A fresh seed: 128 random bits in hex, recorded with the draw. */
export function newSeed(): string {
	return [...crypto.getRandomValues(new Uint8Array(16))]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');
}

function samplingRules(rules: SampleDraw['rules']): SamplingRules {
	return {
		size: rules.size,
		...(rules.minimumPerAgent ? { minimumPerAgent: rules.minimumPerAgent } : {}),
		...(rules.stratifyBy?.length ? { stratifyBy: rules.stratifyBy } : {}),
		...(rules.population.minimumSeconds ? { minimumSeconds: rules.population.minimumSeconds } : {}),
		...(rules.mustInclude ? { mustInclude: rules.mustInclude } : {}),
		...(rules.followUps?.length ? { followUps: rules.followUps } : {})
	};
}

/** The sample and its assignment: what a draw holds before it is stored, and what an audit recomputes. */
function computeItems(
	population: DrawPopulation,
	rules: SampleDraw['rules'],
	assignment: SampleDraw['assignment'],
	seed: string,
	due: string
) {
	const result = drawSample(population.calls, samplingRules(rules), seed);
	const byId = new Map(population.calls.map((call) => [call.id, call]));
	const drawnCalls = result.drawn.map((drawn) => byId.get(drawn.id)!);
	const inspectors = assignInspectors(drawnCalls, population.inspectors, assignment.avoidOwnTeam, seed);
	const items: SampleDraw['items'] = result.drawn.map(({ id, reason }) => {
		const call = byId.get(id)!;
		return {
			recordingId: id,
			agent: call.agent,
			...(call.team ? { team: call.team } : {}),
			...(call.businessType ? { businessType: call.businessType } : {}),
			...(call.subPlatform ? { subPlatform: call.subPlatform } : {}),
			reason,
			inspector: inspectors.get(id)!,
			due
		};
	});
	return { items, population: result.population, excluded: result.excluded };
}

export type DrawCommitment = Omit<SampleInput, '_attachments'>;

/**
 * What a draw is made from, stored first: the rules, the seed and the population with its digest. The draw
 * follows from it alone (composeDraw), so whoever finds it without its draw completes it to the same result.
 */
export async function prepareDraw(
	plan: SamplingPlan,
	period: DateRange,
	population: DrawPopulation,
	seed: string,
	drawnBy: string,
	drawnAt: string
): Promise<{ input: DrawCommitment; populationJson: string }> {
	const populationJson = JSON.stringify(population);
	const drawId = drawIdOf(plan._id, period);
	return {
		input: {
			_id: inputIdOf(drawId),
			type: 'sampleInput',
			drawId,
			planId: plan._id,
			planName: plan.name,
			period: { from: period.from, to: period.to },
			rules: plan.rules,
			assignment: plan.assignment,
			seed,
			populationDigest: await sha256Hex(populationJson),
			calls: population.calls.length,
			drawnBy,
			drawnAt
		},
		populationJson
	};
}

/** The draw a commitment gives: the same for everyone who computes it. */
export function composeDraw(
	input: DrawCommitment,
	population: DrawPopulation,
	drawnBy = input.drawnBy
): SampleDraw {
	const due = workingDayAfter(input.period.to, input.assignment.dueWorkingDays);
	const computed = computeItems(population, input.rules, input.assignment, input.seed, due);
	return {
		_id: input.drawId,
		type: 'sampleDraw',
		planId: input.planId,
		planName: input.planName,
		period: input.period,
		rules: input.rules,
		assignment: input.assignment,
		seed: input.seed,
		population: computed.population,
		excluded: computed.excluded,
		populationDigest: input.populationDigest,
		items: computed.items,
		history: [],
		drawnBy,
		drawnAt: input.drawnAt
	};
}

export async function planDraw(
	plan: SamplingPlan,
	period: DateRange,
	population: DrawPopulation,
	seed: string,
	drawnBy: string,
	drawnAt: string
): Promise<PlannedDraw> {
	const { input, populationJson } = await prepareDraw(plan, period, population, seed, drawnBy, drawnAt);
	return { draw: composeDraw(input, population), input, populationJson };
}

export interface DrawAudit {
	/** The stored population is the one the draw's digest names. */
	populationIntact: boolean;
	/** The seed gives the same calls, for the same reasons, first assigned to the same inspectors. */
	sampleRepeats: boolean;
	/** Calls the stored draw holds that the seed does not give, and the other way round. */
	unexpected: string[];
	missing: string[];
}

/** Who each call was first given to: the stored inspector with the reassignments undone. */
function firstInspectors(draw: SampleDraw): Map<string, string> {
	const first = new Map(draw.items.map((item) => [item.recordingId, item.inspector]));
	for (const change of [...draw.history].reverse()) first.set(change.recordingId, change.from);
	return first;
}

export async function auditDraw(draw: SampleDraw, populationJson: string): Promise<DrawAudit> {
	const populationIntact = (await sha256Hex(populationJson)) === draw.populationDigest;
	const population = JSON.parse(populationJson) as DrawPopulation;
	const due = draw.items[0]?.due ?? workingDayAfter(draw.period.to, draw.assignment.dueWorkingDays);
	const again = computeItems(population, draw.rules, draw.assignment, draw.seed, due);
	const stored = new Set(draw.items.map((item) => item.recordingId));
	const redrawn = new Set(again.items.map((item) => item.recordingId));
	const first = firstInspectors(draw);
	const storedItems = new Map(draw.items.map((item) => [item.recordingId, item]));
	const sameItems =
		again.items.length === draw.items.length &&
		again.items.every((item) => {
			const held = storedItems.get(item.recordingId);
			return held && held.reason === item.reason && first.get(item.recordingId) === item.inspector;
		});
	return {
		populationIntact,
		sampleRepeats: populationIntact && sameItems && again.population === draw.population,
		unexpected: [...stored].filter((id) => !redrawn.has(id)),
		missing: [...redrawn].filter((id) => !stored.has(id))
	};
}

/** The draw with one call given to another inspector, the change and its reason appended to the history. */
export function reassignCall(
	draw: SampleDraw,
	recordingId: string,
	to: string,
	reason: string,
	by: string,
	at: string
): SampleDraw {
	const item = draw.items.find((candidate) => candidate.recordingId === recordingId);
	if (!item) throw new Error('这通录音不在本次抽检中');
	if (item.inspector === to) throw new Error('已经分给这位质检员');
	if (reason.trim().length < 2) throw new Error('请写明改派原因');
	return {
		...draw,
		items: draw.items.map((candidate) =>
			candidate.recordingId === recordingId ? { ...candidate, inspector: to } : candidate
		),
		history: [...draw.history, { recordingId, from: item.inspector, to, reason: reason.trim(), by, at }]
	};
}
