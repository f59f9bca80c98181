// 抽取: one period's draw of a plan against the server, which holds every call of the period. The population
// is read from the server's view, the commitment (sampleInput) written first, then the draw it gives. The
// first commitment wins: a second supervisor pressing 抽取 gets the draw already made, and a draw cut off
// between its two writes is completed from its commitment by whoever comes next, to the same result.
import type { SampleDraw, SampleInput, SamplingPlan } from '$lib/db/generated/documents';
import type { InspectorSlot } from './assign-inspectors';
import { base64Of, gunzipText, gzipText } from './gzip-text';
import {
	composeDraw,
	drawIdOf,
	inputIdOf,
	POPULATION_ATTACHMENT,
	prepareDraw,
	type DrawCommitment,
	type DrawPopulation
} from './plan-draw';
import { rangeInstants, type DateRange } from './plan-periods';
import { populationOf, type PopulationValue } from './population';

/** What the draw needs of the server; the browser and the benchmark each bring theirs. */
export interface DrawServer {
	/** The view sampling/population between two instants. */
	readPopulation(start: string, end: string): Promise<Array<{ id: string; value: PopulationValue }>>;
	get<T>(id: string): Promise<T | null>;
	/** The gzipped population of a commitment. */
	readPopulationAttachment(inputId: string): Promise<Uint8Array>;
	/** Writes a new document; throws DrawTaken when the id exists. */
	create(doc: { _id: string } & Record<string, unknown>): Promise<void>;
}

export class DrawTaken extends Error {}

export type DrawStage = 'reading' | 'drawing' | 'saving';

export interface DrawContext {
	teamOf: (agent: string) => string | undefined;
	/** The plan's inspectors with their teams and what they still owe. */
	inspectors: InspectorSlot[];
	drawnBy: string;
	now: string;
	seed: string;
	onStage?: (stage: DrawStage, detail: string) => void;
}

export interface DrawOutcome {
	draw: SampleDraw;
	/** Made by someone else before (nothing written now), or completed from an earlier commitment. */
	how: 'drawn' | 'existing' | 'completed';
}

/** Writes the draw a commitment gives; if another writer got there first, theirs (the same calls) stands. */
async function complete(server: DrawServer, input: SampleInput, drawnBy: string): Promise<DrawOutcome> {
	const population = JSON.parse(
		await gunzipText(await server.readPopulationAttachment(input._id))
	) as DrawPopulation;
	const draw = composeDraw(input, population, drawnBy);
	try {
		await server.create(draw as unknown as { _id: string });
		return { draw, how: 'completed' };
	} catch (error) {
		const theirs = error instanceof DrawTaken ? await server.get<SampleDraw>(draw._id) : null;
		if (!theirs) throw error;
		return { draw: theirs, how: 'existing' };
	}
}

export async function runDraw(
	server: DrawServer,
	plan: SamplingPlan,
	period: DateRange,
	context: DrawContext
): Promise<DrawOutcome> {
	const stage = context.onStage ?? (() => {});
	const drawId = drawIdOf(plan._id, period);
	const existing = await server.get<SampleDraw>(drawId);
	if (existing) return { draw: existing, how: 'existing' };
	const earlier = await server.get<SampleInput>(inputIdOf(drawId));
	if (earlier) return complete(server, earlier, context.drawnBy);

	stage('reading', '读取本期通话');
	const { start, end } = rangeInstants(period);
	const rows = await server.readPopulation(start, end);
	stage('drawing', `本期 ${rows.length} 通，正在抽取`);
	const population: DrawPopulation = {
		calls: populationOf(rows, plan.rules.population, context.teamOf),
		inspectors: context.inspectors
	};
	const { input, populationJson } = await prepareDraw(
		plan,
		period,
		population,
		context.seed,
		context.drawnBy,
		context.now
	);
	const draw = composeDraw(input, population);
	stage('saving', `抽中 ${draw.items.length} 通，正在保存`);
	try {
		await server.create(await withPopulation(input, populationJson));
	} catch (error) {
		if (!(error instanceof DrawTaken)) throw error;
		// Someone committed this period meanwhile: theirs is the draw.
		const theirs = await server.get<SampleDraw>(drawId);
		if (theirs) return { draw: theirs, how: 'existing' };
		const theirInput = await server.get<SampleInput>(inputIdOf(drawId));
		if (!theirInput) throw error;
		return complete(server, theirInput, context.drawnBy);
	}
	await server.create(draw as unknown as { _id: string });
	return { draw, how: 'drawn' };
}

async function withPopulation(input: DrawCommitment, populationJson: string) {
	const data = base64Of(await gzipText(populationJson));
	return { ...input, _attachments: { [POPULATION_ATTACHMENT]: { content_type: 'application/gzip', data } } };
}
