// 覆盖率: of the calls a plan drew for a period, how many were scored, by inspector, agent, team, business type
// or sub-platform, and how many are overdue (not scored and past their due date). A call counts as done
// once any submitted evaluation of it exists: a reassigned call is not owed twice.

/** A drawn call and to whom it is assigned. */
export interface AssignedCall {
	callId: string;
	inspector: string;
	agent: string;
	team?: string;
	businessType?: string;
	subPlatform?: string;
	/** Beijing date by which it should be scored. */
	due: string;
}

export type CoverageDimension = 'inspector' | 'agent' | 'team' | 'businessType' | 'subPlatform';

export interface CoverageRow {
	/** The inspector's, agent's … name; '' where the call has none. */
	key: string;
	expected: number;
	done: number;
	overdue: number;
	/** done / expected, 0…1. */
	share: number;
}

export interface Coverage {
	rows: CoverageRow[];
	total: CoverageRow;
}

function row(
	key: string,
	calls: readonly AssignedCall[],
	scored: ReadonlySet<string>,
	today: string
): CoverageRow {
	const done = calls.filter((call) => scored.has(call.callId)).length;
	const overdue = calls.filter((call) => !scored.has(call.callId) && call.due < today).length;
	return { key, expected: calls.length, done, overdue, share: calls.length ? done / calls.length : 0 };
}

/**
 * @param scoredCallIds the calls with a submitted evaluation
 * @param today Beijing date: a call due before it and not scored is overdue
 */
export function coverageBy(
	assigned: readonly AssignedCall[],
	scoredCallIds: ReadonlySet<string>,
	dimension: CoverageDimension,
	today: string
): Coverage {
	const groups = new Map<string, AssignedCall[]>();
	for (const call of assigned) {
		const key = call[dimension] ?? '';
		const group = groups.get(key);
		if (group) group.push(call);
		else groups.set(key, [call]);
	}
	return {
		rows: [...groups.keys()].sort().map((key) => row(key, groups.get(key)!, scoredCallIds, today)),
		total: row('', assigned, scoredCallIds, today)
	};
}

/** The calls of stored draws as coverage counts them. */
export function assignedCalls(
	draws: ReadonlyArray<{ items: ReadonlyArray<Omit<AssignedCall, 'callId'> & { recordingId: string }> }>
): AssignedCall[] {
	return draws.flatMap((draw) =>
		draw.items.map((item) => ({
			callId: item.recordingId,
			inspector: item.inspector,
			agent: item.agent,
			...(item.team ? { team: item.team } : {}),
			...(item.businessType ? { businessType: item.businessType } : {}),
			...(item.subPlatform ? { subPlatform: item.subPlatform } : {}),
			due: item.due
		}))
	);
}
