// 抽检底册: the calls of a period a plan draws from, as the server's view sampling/population gives them
// (one compact row per call, no document read), narrowed by the plan's population and given their agents'
// teams. Its canonical text is what the draw's digest covers and what the server keeps for audit.
import type { Recording, Rules } from '$lib/db/generated/documents';
import type { SampleCall } from './draw-sample';

/** The view's value: [agent, businessType, subPlatform, direction, durationSeconds, flags]. */
export type PopulationValue = [string, string, string, Recording['direction'], number, number];
export const COMPLAINT_FLAG = 1;
export const UNSATISFIED_FLAG = 2;

export interface PopulationCall extends SampleCall {
	team?: string;
	direction: Recording['direction'];
}

/** The province's own calls have no sub-platform: a plan's population names them with ''. */
export const PROVINCE_CALLS = '';

function allows<T>(chosen: readonly T[] | undefined, value: T): boolean {
	return !chosen || chosen.length === 0 || chosen.includes(value);
}

export function populationOf(
	rows: ReadonlyArray<{ id: string; value: PopulationValue }>,
	population: Rules['population'],
	teamOf: (agent: string) => string | undefined
): PopulationCall[] {
	const calls: PopulationCall[] = [];
	for (const { id, value } of rows) {
		const [agent, businessType, subPlatform, direction, durationSeconds, flags] = value;
		const team = teamOf(agent);
		if (
			!allows(population.subPlatforms, subPlatform) ||
			!allows(population.businessTypes, businessType) ||
			!allows(population.directions, direction) ||
			!allows(population.agents, agent) ||
			!allows(population.teams, team ?? '')
		)
			continue;
		calls.push({
			id,
			agent,
			...(team ? { team } : {}),
			...(businessType ? { businessType } : {}),
			...(subPlatform ? { subPlatform } : {}),
			direction,
			durationSeconds,
			...(flags & COMPLAINT_FLAG ? { complaint: true } : {}),
			...(flags & UNSATISFIED_FLAG ? { unsatisfied: true } : {})
		});
	}
	return calls.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** SHA-256 of a text, in hex: Web Crypto, the same in the browser and in Node. */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
