// 分配: the drawn calls spread over the plan's inspectors by workload. Each call, in an order fixed by the draw's
// seed, goes to the eligible inspector with the least work (what they still owe from earlier draws plus what
// this one gave them so far); where the plan says so, never to an inspector of the call's own team.
import { seededShuffle } from './seeded-order';

export interface InspectorSlot {
	name: string;
	team?: string;
	/** Calls still owed from earlier draws. */
	load: number;
}

export interface CallToAssign {
	id: string;
	team?: string;
}

export class NoEligibleInspector extends Error {}

export function assignInspectors(
	calls: readonly CallToAssign[],
	inspectors: readonly InspectorSlot[],
	avoidOwnTeam: boolean,
	seed: string
): Map<string, string> {
	if (inspectors.length === 0) throw new NoEligibleInspector('计划中没有质检员');
	// Ties go to the inspectors in an order of the seed's, not always to the first by name.
	const order = seededShuffle(
		[...inspectors].sort((a, b) => (a.name < b.name ? -1 : 1)),
		`${seed}\u0000inspectors`
	);
	const load = new Map(order.map((inspector) => [inspector.name, inspector.load]));
	const assigned = new Map<string, string>();
	const sorted = [...calls].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const call of seededShuffle(sorted, `${seed}\u0000assign`)) {
		let best: InspectorSlot | undefined;
		for (const inspector of order) {
			if (avoidOwnTeam && call.team && inspector.team === call.team) continue;
			if (!best || load.get(inspector.name)! < load.get(best.name)!) best = inspector;
		}
		if (!best)
			throw new NoEligibleInspector(`通话 ${call.id} 属于班组“${call.team}”，计划中的质检员都在这个班组`);
		assigned.set(call.id, best.name);
		load.set(best.name, load.get(best.name)! + 1);
	}
	return assigned;
}
