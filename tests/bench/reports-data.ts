// The province's year for bench:reports: a year of calls in qa with one full month at a province's volume (November
// 2026: 250 000 calls, 8 000 evaluations, one appeal in forty) and eleven months at a tenth; the search logs of
// the same months (750 000 in November); seeded, so every run measures the same documents.
import type { Appeal, Evaluation, Recording, SearchLog } from '../../src/lib/db/generated/documents';
import { HAINAN_SUB_PLATFORMS } from '../../sync/setup/sub-platforms';
import { seededRandom } from '../../src/lib/seeded-random';
import { evaluationOf } from './province-data';
import { generateSearchLogs } from './search-log-data';

export const MONTH_CALLS = Number(process.env.BENCH_MONTH_CALLS ?? 250_000);
export const MONTH_EVALUATIONS = Number(process.env.BENCH_MONTH_EVALUATIONS ?? 8_000);
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
export const AGENTS = 150;
const INSPECTORS = [
	'inspector01',
	'inspector03',
	...Array.from({ length: 7 }, (_, i) => `inspector${i + 4}`)
];
const CITIES = HAINAN_SUB_PLATFORMS.map(([code]) => code);
export const BATCH = 5_000;
const DAY_MS = 86_400_000;

/** December 2025 to November 2026, November in full and the rest at a tenth. */
export const MONTHS = Array.from({ length: 12 }, (_, index) => {
	const month = new Date(Date.UTC(2025, 11 + index, 1));
	const next = new Date(Date.UTC(2025, 12 + index, 1));
	const share = index === 11 ? 1 : 0.1;
	return { start: month.getTime(), end: next.getTime(), share };
});

function recording(index: number, at: number): Recording {
	const next = seededRandom(index + 1);
	const agent = index % AGENTS;
	const city = agent % 5 < 2 ? undefined : CITIES[agent % CITIES.length];
	const id = `B${new Date(at).toISOString().slice(0, 10).replaceAll('-', '')}-${String(index).padStart(7, '0')}`;
	const durationSeconds = Math.round((30 + next() * 420) * 100) / 100;
	return {
		_id: `recording:${id}`,
		type: 'recording',
		...(city ? { subPlatform: city } : {}),
		callId: id,
		agentName: `agent${String(agent + 1).padStart(3, '0')}`,
		startedAt: new Date(at).toISOString(),
		durationSeconds,
		direction: 'inbound',
		businessType: ['社会保障', '医疗保障', '住房公积金', '户籍管理', '交通出行', '教育'][
			Math.floor(next() * 6)
		]!,
		channels: 2,
		hotline: '12345',
		audio: {
			fileName: `${id}.ogg`,
			contentType: 'audio/ogg',
			byteLength: Math.round(durationSeconds * 8000)
		},
		importedBy: 'inspector01',
		importedAt: new Date(at + DAY_MS).toISOString()
	};
}

function appealOf(evaluation: Evaluation, index: number): Appeal {
	const createdAt = new Date(Date.parse(evaluation.submittedAt!) + DAY_MS).toISOString();
	const status = (['upheld', 'rejected', 'open'] as const)[index % 3]!;
	return {
		_id: `appeal:${evaluation._id.slice('evaluation:'.length)}`,
		type: 'appeal',
		evaluationId: evaluation._id,
		agentName: evaluation.agentName,
		...(evaluation.subPlatform ? { subPlatform: evaluation.subPlatform } : {}),
		reason: '对扣分有异议',
		status,
		createdAt,
		...(status === 'open'
			? {}
			: {
					ruling: '已复核',
					ruledBy: 'supervisor01',
					ruledAt: new Date(Date.parse(createdAt) + 20 * 3_600_000).toISOString()
				})
	};
}

/** One month's documents in batches: its calls spread over the month, every n-th evaluated, some appealed. */
export function* monthDocuments(
	month: (typeof MONTHS)[number],
	firstIndex: number,
	calls: number,
	evaluations: number
) {
	const every = Math.max(1, Math.floor(calls / evaluations));
	let batch: object[] = [];
	let appeals = 0;
	const appealEvery = Math.max(1, Math.floor(evaluations / Math.max(1, Math.round(evaluations / 40))));
	for (let n = 0; n < calls; n++) {
		const at = month.start + ((n + 0.5) * (month.end - month.start)) / calls;
		const call = recording(firstIndex + n, at);
		batch.push(call);
		if (n % every === 0 && n / every < evaluations) {
			const submittedAt = new Date(Math.min(at + DAY_MS, month.end - 1)).toISOString();
			const evaluation = {
				...evaluationOf(call, INSPECTORS[n % INSPECTORS.length]!, submittedAt, false, firstIndex + n),
				...(call.subPlatform ? { subPlatform: call.subPlatform } : {})
			};
			batch.push(evaluation);
			if ((n / every) % appealEvery === 0) batch.push(appealOf(evaluation, appeals++));
		}
		if (batch.length >= BATCH) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length) yield batch;
}

export const MONTH_SEARCHES = Number(process.env.BENCH_MONTH_SEARCHES ?? 750_000);
export const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);

const agentName = (index: number) => `agent${String(index + 1).padStart(3, '0')}`;
const AGENT_NAMES = Array.from({ length: AGENTS }, (_, index) => agentName(index));
/** As the calls: two agents in five are the province's, the others their city's. */
function cityOfAgent(name: string): string | undefined {
	const index = Number(name.slice(5)) - 1;
	return index % 5 < 2 ? undefined : CITIES[index % CITIES.length];
}

/** One month's search logs in batches (the month's share of MONTH_SEARCHES). */
export function* monthSearchLogs(
	month: (typeof MONTHS)[number],
	count = Math.round(MONTH_SEARCHES * month.share)
) {
	const code = new Date(month.start).toISOString().slice(0, 7);
	let batch: SearchLog[] = [];
	for (const log of generateSearchLogs({
		count,
		agents: AGENT_NAMES,
		entries: ENTRIES,
		month: code,
		subPlatformOf: cityOfAgent
	})) {
		batch.push(log);
		if (batch.length >= BATCH) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length) yield batch;
}
