// npm run bench:sampling — the QA programme at a province's scale on the embedded server: a week of 60 000
// calls from 150 agents in 19 sub-platforms and the province, drawn by a stratified plan with must-include
// rules by the browser's own draw code (src/lib/qa/sampling/run-draw.ts), from pressing 抽取 until the
// draw reaches an inspector's replica; then the coverage of a month (four weekly draws, most calls scored).
// Prints what it measured and how.
//   BENCH_CALLS_PER_WEEK (default 60000), BENCH_WEEKS (default 4), BENCH_RUNS (default 5)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PouchDB from 'pouchdb';
import type { Recording, SampleDraw, SamplingPlan } from '../../src/lib/db/generated/documents';
import { QA_DB } from '../../src/lib/db/catalog';
import { pullSelectorOf, replicationPlan } from '../../src/lib/db/replication-plan';
import { assignedCalls, coverageBy, type CoverageDimension } from '../../src/lib/qa/sampling/coverage';
import type { InspectorSlot } from '../../src/lib/qa/sampling/assign-inspectors';
import type { DateRange } from '../../src/lib/qa/sampling/plan-periods';
import { runDraw, type DrawServer } from '../../src/lib/qa/sampling/run-draw';
import { scoredCallsIn, type ScoredRow } from '../../src/lib/qa/sampling/scored-calls';
import { adminUrl } from '../../sync/config';
import { nanoDrawServer } from '../../sync/sampling/nano-draw-server';
import { startAppServer } from '../../sync/server/app-server';
import { ensureUser, runSetup } from '../../sync/setup/setup';
import { HAINAN_SUB_PLATFORMS } from '../../sync/setup/sub-platforms';
import { demoUsers, DEMO_PASSWORD } from '../../sync/demo/users';
import { seededRandom } from '../../src/lib/seeded-random';
import { evaluationOf } from './province-data';

const CALLS_PER_WEEK = Number(process.env.BENCH_CALLS_PER_WEEK ?? 60_000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AGENTS = 150;
const BATCH = 5_000;
const DAY_MS = 86_400_000;
/** Mondays of November 2026 (Beijing): the month whose coverage is computed. */
const WEEK_STARTS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].slice(0, WEEKS);
const TYPES = [
	'社会保障',
	'医疗保障',
	'住房公积金',
	'户籍管理',
	'交通出行',
	'市场监管',
	'城市管理',
	'环境保护',
	'教育',
	'住房保障',
	'劳动就业',
	'税务',
	'民政',
	'文化旅游',
	'农业农村',
	'自然资源',
	'卫生健康',
	'应急管理',
	'水电气',
	'青少年心理'
];
const CITIES = HAINAN_SUB_PLATFORMS.map(([code]) => code);
const INSPECTORS = [
	'inspector01',
	'inspector03',
	...Array.from({ length: 7 }, (_, index) => `inspector${String(index + 4).padStart(2, '0')}`)
];
/** Two inspectors came from the floor and are in a 话务 team: the plan keeps their team's calls from them. */
const INSPECTOR_TEAMS = new Map(
	INSPECTORS.map((name, index) => [name, index === 7 ? '话务1班' : index === 8 ? '话务2班' : '质检组'])
);
const agentName = (index: number) => `agent${String(index + 1).padStart(3, '0')}`;
const teamOfAgent = (index: number) => `话务${1 + (index % 8)}班`;
const cityOfAgent = (index: number) => (index % 5 < 2 ? undefined : CITIES[index % CITIES.length]);
const teams = new Map(Array.from({ length: AGENTS }, (_, index) => [agentName(index), teamOfAgent(index)]));
for (const [name, team] of INSPECTOR_TEAMS) teams.set(name, team);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const plan: SamplingPlan = {
	_id: 'samplingPlan:bench-weekly',
	type: 'samplingPlan',
	name: '全省每周抽检',
	period: { kind: 'weekly', weekday: 1 },
	rules: {
		population: { minimumSeconds: 30 },
		size: { ratio: 0.05 },
		minimumPerAgent: 3,
		stratifyBy: ['subPlatform', 'businessType'],
		mustInclude: { complaints: true, unsatisfied: true, longerThanSeconds: 900 }
	},
	assignment: { inspectors: INSPECTORS, avoidOwnTeam: true, dueWorkingDays: 3 },
	active: true,
	createdBy: 'supervisor01',
	createdAt: '2026-10-30T01:00:00.000Z',
	updatedBy: 'supervisor01',
	updatedAt: '2026-10-30T01:00:00.000Z'
};

function weekCall(week: number, index: number): Recording {
	const next = seededRandom(week * 1_000_003 + index + 1);
	const agent = (index * 7 + week) % AGENTS;
	const start =
		Date.parse(`${WEEK_STARTS[week]}T00:00:00+08:00`) + ((index + 0.5) * 7 * DAY_MS) / CALLS_PER_WEEK;
	const callId = `C${WEEK_STARTS[week]!.replaceAll('-', '')}-${String(index).padStart(6, '0')}`;
	// About one call in ten under 30 s, one in a hundred over 15 minutes.
	const durationSeconds = Math.round((8 + next() * 600 + (next() < 0.01 ? 900 : 0)) * 10) / 10;
	const roll = next();
	const city = cityOfAgent(agent);
	return {
		_id: `recording:${callId}`,
		type: 'recording',
		...(city ? { subPlatform: city } : {}),
		callId,
		agentName: agentName(agent),
		startedAt: new Date(start).toISOString(),
		durationSeconds,
		direction: roll < 0.85 ? 'inbound' : roll < 0.92 ? 'outbound' : 'callback',
		businessType: TYPES[Math.floor(next() * TYPES.length)]!,
		...(next() < 0.005 ? { complaint: true } : {}),
		...(next() < 0.01 ? { callbackSatisfaction: 'unsatisfied' as const } : {}),
		channels: 2,
		hotline: '12345',
		audio: { fileName: `${callId}.ogg`, contentType: 'audio/ogg', byteLength: 64_000 },
		importedBy: 'inspector01',
		importedAt: new Date(start + DAY_MS).toISOString()
	};
}

async function main() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-sampling-'));
	const replicaDir = mkdtempSync(path.join(os.tmpdir(), 'hotline-sampling-replica-'));
	const admin = { name: 'couchadmin', password: 'bench-secret' };
	const server = await startAppServer({ host: '127.0.0.1', port: 0, dataDir, admin });
	try {
		const couch = await runSetup({ url: adminUrl(server.syncUrl, admin) });
		// Only the QA staff's accounts: the agents' own fan-out replications are another cost (bench:scale).
		for (const user of demoUsers.filter((user) => ['inspector01', 'supervisor01'].includes(user.name)))
			await ensureUser(couch, user, () => {});
		const qa = couch.use(QA_DB);
		await qa.insert(plan);

		let started = performance.now();
		const byWeek: Recording[][] = [];
		for (let week = 0; week < WEEK_STARTS.length; week++) {
			const calls = Array.from({ length: CALLS_PER_WEEK }, (_, index) => weekCall(week, index));
			byWeek.push(calls);
			for (let at = 0; at < calls.length; at += BATCH) await qa.bulk({ docs: calls.slice(at, at + BATCH) });
		}
		const inserted = WEEK_STARTS.length * CALLS_PER_WEEK;
		console.log(
			`wrote ${inserted} calls (${WEEK_STARTS.length} weeks of ${CALLS_PER_WEEK}) in ${seconds(performance.now() - started)}`
		);
		started = performance.now();
		await qa.view('sampling', 'population', { limit: 1 });
		await qa.view('sampling', 'evaluations-by-call-start', { limit: 1 });
		console.log(
			`built the sampling views (population, evaluations-by-call-start) once: ${seconds(performance.now() - started)} (the embedded server keeps them in memory from then on; CouchDB keeps them current as calls arrive)`
		);

		// Where a draw's time goes: each call to the server, timed.
		const spent = new Map<string, number>();
		const timed = <T>(name: string, work: Promise<T>) => {
			const begin = performance.now();
			return work.finally(() => spent.set(name, (spent.get(name) ?? 0) + performance.now() - begin));
		};
		const plain = nanoDrawServer(couch, QA_DB);
		const drawServer: DrawServer = {
			readPopulation: (start, end) => timed('read the population', plain.readPopulation(start, end)),
			get: (id) => timed('look for an earlier draw', plain.get(id)),
			readPopulationAttachment: (id) => plain.readPopulationAttachment(id),
			create: (doc) =>
				timed(doc._id.startsWith('sampleInput:') ? 'save the commitment' : 'save the draw', plain.create(doc))
		};
		const draws: SampleDraw[] = [];
		const byId = new Map(byWeek.flat().map((call) => [call._id, call]));
		// As the browser reads it (src/lib/qa/worklist.service.ts): one key range per period.
		const scoredOf = (periods: DateRange[]) =>
			scoredCallsIn(periods, async (start, end) => {
				const answer = await qa.view<number>('sampling', 'evaluations-by-call-start', {
					startkey: [start],
					endkey: [end]
				});
				return answer.rows as unknown as ScoredRow[];
			});
		const slotsFor = async (): Promise<InspectorSlot[]> => {
			const owed = draws.flatMap((draw) => draw.items);
			const scored = await scoredOf(draws.map((draw) => draw.period));
			return INSPECTORS.map((name) => ({
				name,
				team: INSPECTOR_TEAMS.get(name)!,
				load: owed.filter((item) => item.inspector === name && !scored.has(item.recordingId)).length
			}));
		};
		const drawWeek = async (week: number) => {
			const slotsBegin = performance.now();
			const inspectors = await slotsFor();
			spent.set('what inspectors still owe', performance.now() - slotsBegin);
			return runDraw(
				drawServer,
				plan,
				{
					from: WEEK_STARTS[week]!,
					to: new Date(Date.parse(`${WEEK_STARTS[week]}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10)
				},
				{
					teamOf: (agent) => teams.get(agent),
					inspectors,
					drawnBy: 'supervisor01',
					now: new Date().toISOString(),
					seed: `5eed${String(week).padStart(12, '0')}`
				}
			);
		};
		// The earlier weeks: drawn, and four calls in five scored by their inspectors.
		for (let week = 0; week < WEEK_STARTS.length - 1; week++) {
			const { draw } = await drawWeek(week);
			draws.push(draw);
			const evaluations = draw.items
				.filter((_, index) => index % 5 !== 0)
				.map((item, index) =>
					evaluationOf(byId.get(item.recordingId)!, item.inspector, new Date().toISOString(), false, index)
				);
			for (let at = 0; at < evaluations.length; at += BATCH)
				await qa.bulk({ docs: evaluations.slice(at, at + BATCH) });
		}

		// inspector01's browser, replicating qa with its working set's selector, as the sync manager does.
		const replica = new PouchDB(path.join(replicaDir, 'qa'));
		const [qaPlan] = replicationPlan('inspector01', ['inspector'], '2026-11-27').filter(
			(entry) => entry.local === QA_DB
		);
		const remote = new PouchDB(`${server.syncUrl}/${QA_DB}`, {
			auth: { username: 'inspector01', password: DEMO_PASSWORD }
		});
		const lastWeek = WEEK_STARTS.length - 1;
		const drawId = `sampleDraw:bench-weekly:${WEEK_STARTS[lastWeek]}`;
		await replica.replicate.from(remote, { selector: pullSelectorOf(qaPlan!) });
		let arrived = 0;
		const arrival = new Promise<void>((resolve) => {
			const live = replica.replicate.from(remote, {
				live: true,
				retry: true,
				selector: pullSelectorOf(qaPlan!)
			});
			live.on('change', (info) => {
				if (info.docs.some((doc) => doc._id === drawId)) {
					arrived = performance.now();
					live.cancel();
					resolve();
				}
			});
		});

		// The week drawn now: from pressing 抽取 to the draw in inspector01's replica.
		spent.clear();
		const pressed = performance.now();
		const outcome = await drawWeek(lastWeek);
		const saved = performance.now();
		await arrival;
		draws.push(outcome.draw);
		const mine = outcome.draw.items.filter((item) => item.inspector === 'inspector01').length;
		console.log(
			`draw of the week ${WEEK_STARTS[lastWeek]}: ${outcome.draw.population + outcome.draw.excluded} calls read (${outcome.draw.excluded} under 30 s), ${outcome.draw.items.length} drawn (${outcome.draw.items.filter((item) => item.reason === 'required').length} required, ${outcome.draw.items.filter((item) => item.reason === 'minimum').length} per-agent minimums), stratified by sub-platform and business type, over ${INSPECTORS.length} inspectors`
		);
		console.log(
			`  抽取 → draw saved on the server: ${seconds(saved - pressed)}; → in inspector01's replica (${mine} calls for them): ${seconds(arrived - pressed)} (goal ≤ 5 s)`
		);
		const accounted = [...spent.values()].reduce((all, ms) => all + ms, 0);
		console.log(
			`  of which: ${[...spent].map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}; computing (filter, digest, draw, assign, gzip) ${seconds(saved - pressed - accounted)}`
		);
		const perInspector = INSPECTORS.map(
			(name) => outcome.draw.items.filter((item) => item.inspector === name).length
		);
		console.log(
			`  calls per inspector: ${perInspector.join(' ')}; given to an inspector of the call's own team: ${outcome.draw.items.filter((item) => INSPECTOR_TEAMS.get(item.inspector) === item.team).length}`
		);

		// Coverage of the month: every drawn call against the server's evaluations, by each dimension.
		const items = draws.flatMap((draw) => draw.items);
		const times: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const begin = performance.now();
			const scored = await scoredOf(draws.map((draw) => draw.period));
			const assigned = assignedCalls(draws);

			for (const dimension of [
				'inspector',
				'agent',
				'team',
				'businessType',
				'subPlatform'
			] as CoverageDimension[])
				coverageBy(assigned, scored, dimension, '2026-11-30');
			times.push(performance.now() - begin);
		}
		const total = coverageBy(
			assignedCalls(draws),
			await scoredOf(draws.map((draw) => draw.period)),
			'inspector',
			'2026-11-30'
		).total;
		console.log(
			`coverage of the month: ${items.length} drawn calls in ${draws.length} draws, ${total.done} scored, ${total.overdue} overdue; by all five dimensions: median ${seconds(median(times))} of ${RUNS} runs (min ${seconds(Math.min(...times))}, max ${seconds(Math.max(...times))}) (goal ≤ 1 s)`
		);
		console.log(
			`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; embedded server (PouchDB on LevelDB) in this process`
		);
		await replica.close();
	} finally {
		await server.close();
		rmSync(dataDir, { recursive: true, force: true });
		rmSync(replicaDir, { recursive: true, force: true });
	}
}

await main();
