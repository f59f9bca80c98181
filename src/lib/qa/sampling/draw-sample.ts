// 抽检: which calls of a period's population are drawn, from the plan's rules and a recorded seed. Anyone can
// redraw the same plan over the same calls and get the same sample, whatever order the calls come in: the
// population is ordered by id, and each stratum is shuffled by the seed and its own key (a stratum added to
// the plan does not change what the others draw).
import { seededShuffle } from './seeded-order';

/** What the draw reads of a call. */
export interface SampleCall {
	id: string;
	agent: string;
	businessType?: string;
	subPlatform?: string;
	durationSeconds: number;
	/** The call led to a complaint (投诉). */
	complaint?: boolean;
	/** The caller was not satisfied at the 回访. */
	unsatisfied?: boolean;
}

export type Stratum = 'agent' | 'businessType' | 'subPlatform';

export interface SamplingRules {
	/** A share of the population, or so many calls per agent. */
	size: { ratio: number } | { perAgent: number };
	/** Every agent with calls gets at least this many drawn (fewer if they have fewer). */
	minimumPerAgent?: number;
	/** Drawn in proportion within these groups. */
	stratifyBy?: Stratum[];
	/** Calls shorter than this are not in the population. */
	minimumSeconds?: number;
	/** Always drawn, beyond the size. */
	mustInclude?: { complaints?: boolean; unsatisfied?: boolean; longerThanSeconds?: number };
	/** 辅导跟踪: at least so many calls of these agents (their open coaching tasks ask for them). */
	followUps?: ReadonlyArray<{ agent: string; calls: number }>;
}

export type DrawReason = 'required' | 'random' | 'minimum' | 'coaching';

export interface DrawnCall {
	id: string;
	reason: DrawReason;
}

export interface DrawResult {
	drawn: DrawnCall[];
	/** Calls in the population (long enough). */
	population: number;
	/** Calls left out as too short. */
	excluded: number;
}

function required(call: SampleCall, rules: SamplingRules['mustInclude']): boolean {
	if (!rules) return false;
	return (
		(rules.complaints === true && call.complaint === true) ||
		(rules.unsatisfied === true && call.unsatisfied === true) ||
		(rules.longerThanSeconds !== undefined && call.durationSeconds > rules.longerThanSeconds)
	);
}

const stratumKey = (call: SampleCall, by: readonly Stratum[]) =>
	JSON.stringify(by.map((field) => call[field] ?? ''));

/** Largest-remainder shares of `total` in proportion to the sizes (summing to `total`). */
function proportional(total: number, sizes: readonly number[]): number[] {
	const sum = sizes.reduce((all, size) => all + size, 0);
	if (sum === 0) return sizes.map(() => 0);
	const exact = sizes.map((size) => (total * size) / sum);
	const shares = exact.map(Math.floor);
	let left = total - shares.reduce((all, share) => all + share, 0);
	const byRemainder = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
	byRemainder.sort((a, b) => b.rest - a.rest || a.index - b.index);
	for (const { index } of byRemainder) {
		if (left <= 0) break;
		if (shares[index]! < sizes[index]!) {
			shares[index]!++;
			left--;
		}
	}
	return shares;
}

export function drawSample(calls: readonly SampleCall[], rules: SamplingRules, seed: string): DrawResult {
	const population = calls
		.filter((call) => call.durationSeconds >= (rules.minimumSeconds ?? 0))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const drawn = new Map<string, DrawReason>();
	for (const call of population) if (required(call, rules.mustInclude)) drawn.set(call.id, 'required');

	// Per agent, the size is per stratum of that agent; otherwise the plan's strata share the ratio.
	const perAgent = 'perAgent' in rules.size;
	const by: Stratum[] = perAgent ? ['agent'] : (rules.stratifyBy ?? []);
	const strata = new Map<string, SampleCall[]>();
	for (const call of population) {
		const key = stratumKey(call, by);
		const members = strata.get(key);
		if (members) members.push(call);
		else strata.set(key, [call]);
	}
	const keys = [...strata.keys()].sort();
	const quotas =
		'perAgent' in rules.size
			? keys.map(() => (rules.size as { perAgent: number }).perAgent)
			: proportional(
					Math.ceil(Math.max(0, Math.min(1, rules.size.ratio)) * population.length),
					keys.map((key) => strata.get(key)!.length)
				);
	keys.forEach((key, index) => {
		const members = strata.get(key)!;
		// Required calls count toward their stratum's quota: the sample is not larger for holding them.
		let wanted = quotas[index]! - members.filter((call) => drawn.has(call.id)).length;
		for (const call of seededShuffle(members, `${seed}\u0000${key}`)) {
			if (wanted <= 0) break;
			if (drawn.has(call.id)) continue;
			drawn.set(call.id, 'random');
			wanted--;
		}
	});

	const minimum = rules.minimumPerAgent ?? 0;
	if (minimum > 0) {
		const byAgent = new Map<string, SampleCall[]>();
		for (const call of population) {
			const own = byAgent.get(call.agent);
			if (own) own.push(call);
			else byAgent.set(call.agent, [call]);
		}
		for (const agent of [...byAgent.keys()].sort()) {
			const own = byAgent.get(agent)!;
			let missing = minimum - own.filter((call) => drawn.has(call.id)).length;
			for (const call of seededShuffle(own, `${seed}\u0000minimum\u0000${agent}`)) {
				if (missing <= 0) break;
				if (drawn.has(call.id)) continue;
				drawn.set(call.id, 'minimum');
				missing--;
			}
		}
	}
	for (const { agent, calls: wanted } of [...(rules.followUps ?? [])].sort((a, b) =>
		a.agent < b.agent ? -1 : 1
	)) {
		const own = population.filter((call) => call.agent === agent);
		let missing = wanted - own.filter((call) => drawn.has(call.id)).length;
		for (const call of seededShuffle(own, `${seed}\u0000coaching\u0000${agent}`)) {
			if (missing <= 0) break;
			if (drawn.has(call.id)) continue;
			drawn.set(call.id, 'coaching');
			missing--;
		}
	}
	return {
		drawn: population
			.filter((call) => drawn.has(call.id))
			.map((call) => ({ id: call.id, reason: drawn.get(call.id)! })),
		population: population.length,
		excluded: calls.length - population.length
	};
}
