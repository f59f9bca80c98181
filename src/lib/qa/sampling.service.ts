// 抽检计划 for the screens: plans (kept in the QA working set, so they read offline), each period's draw made
// against the server's calls, its audit, and a supervisor's reassignment with its reason.
import { QA_DB } from '$lib/db/catalog';
import type { Profile, SampleDraw, SamplingPlan } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import {
	AlreadyOnServer,
	attachmentFromServer,
	copyFromServer,
	createOnServer,
	getFromServer
} from '$lib/db/server-documents';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import type { InspectorSlot } from './sampling/assign-inspectors';
import { gunzipText } from './sampling/gzip-text';
import {
	auditDraw,
	inputIdOf,
	newSeed,
	POPULATION_ATTACHMENT,
	reassignCall,
	type DrawAudit
} from './sampling/plan-draw';
import type { DateRange } from './sampling/plan-periods';
import type { PopulationValue } from './sampling/population';
import { DrawTaken, runDraw, type DrawOutcome, type DrawServer, type DrawStage } from './sampling/run-draw';
import { scoredCallsOfDraws } from './worklist.service';
import { openFollowUps } from './coaching.service';

export async function listPlans(userName: string): Promise<Result<Stored<SamplingPlan>[]>> {
	try {
		const plans = await new Repository(userName, 'samplingPlan').all();
		return success(
			plans.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh'))
		);
	} catch (error) {
		return failure(explainFailure(error, '读取抽检计划'));
	}
}

export async function getPlan(userName: string, id: string): Promise<Stored<SamplingPlan> | null> {
	return new Repository(userName, 'samplingPlan').get(id);
}

/** A new weekly plan: 5 % of the calls, at least one per agent, every complaint and unsatisfied 回访. */
export function newPlan(userName: string, inspectors: string[]): SamplingPlan {
	const now = nowIso();
	return {
		_id: `samplingPlan:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
		type: 'samplingPlan',
		name: '每周抽检',
		period: { kind: 'weekly', weekday: 1 },
		rules: {
			population: { minimumSeconds: 30 },
			size: { ratio: 0.05 },
			minimumPerAgent: 1,
			stratifyBy: ['agent'],
			mustInclude: { complaints: true, unsatisfied: true }
		},
		assignment: { inspectors, avoidOwnTeam: true, dueWorkingDays: 3 },
		active: true,
		createdBy: userName,
		createdAt: now,
		updatedBy: userName,
		updatedAt: now
	};
}

export async function savePlan(userName: string, plan: SamplingPlan): Promise<Result<Stored<SamplingPlan>>> {
	try {
		return success(
			await new Repository(userName, 'samplingPlan').save({
				...plan,
				updatedBy: userName,
				updatedAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '保存抽检计划'));
	}
}

/** A plan's draws held here (this month's and last month's), newest period first. */
export async function listDraws(userName: string, planId?: string): Promise<Result<Stored<SampleDraw>[]>> {
	try {
		const prefix = planId ? `sampleDraw:${planId.slice('samplingPlan:'.length)}:` : 'sampleDraw:';
		const draws = await new Repository(userName, 'sampleDraw').withIdPrefix(prefix);
		return success(draws.sort((a, b) => b.period.from.localeCompare(a.period.from)));
	} catch (error) {
		return failure(explainFailure(error, '读取抽检结果'));
	}
}

/** The province's QA staff who may be given calls: inspectors and supervisors without a sub-platform. */
export async function provinceInspectors(userName: string): Promise<Profile[]> {
	const profiles = await new Repository(userName, 'profile').all();
	return profiles
		.filter(
			(profile) =>
				!profile.subPlatform && profile.roles.some((role) => role === 'inspector' || role === 'supervisor')
		)
		.sort((a, b) => a.userName.localeCompare(b.userName));
}

function browserDrawServer(): DrawServer {
	const base = syncBaseUrl();
	const database = qaServerDatabase();
	return {
		readPopulation: async (start, end) =>
			(
				await readServerView<unknown, PopulationValue>(base, database, 'sampling/population', {
					startkey: [start],
					endkey: [end]
				})
			).flatMap((row) => (row.id ? [{ id: row.id, value: row.value }] : [])),
		get: (id) => getFromServer(base, database, id),
		readPopulationAttachment: (inputId) =>
			attachmentFromServer(base, database, inputId, POPULATION_ATTACHMENT),
		create: async (doc) => {
			try {
				await createOnServer(base, database, doc);
			} catch (error) {
				throw error instanceof AlreadyOnServer ? new DrawTaken(error.message) : error;
			}
		}
	};
}

/** What each of the plan's inspectors still owes from the draws held here: the assignment evens it out. */
async function inspectorSlots(
	userName: string,
	plan: SamplingPlan,
	period: DateRange
): Promise<InspectorSlot[]> {
	const teams = new Map(
		(await new Repository(userName, 'profile').all()).map((profile) => [profile.userName, profile.team])
	);
	const draws = (await new Repository(userName, 'sampleDraw').all()).filter(
		(draw) => draw.period.from !== period.from || draw.planId !== plan._id
	);
	const owed = draws
		.flatMap((draw) => draw.items)
		.filter((item) => plan.assignment.inspectors.includes(item.inspector));
	const { scored } = await scoredCallsOfDraws(userName, draws);
	return plan.assignment.inspectors.map((name) => ({
		name,
		...(teams.get(name) ? { team: teams.get(name)! } : {}),
		load: owed.filter((item) => item.inspector === name && !scored.has(item.recordingId)).length
	}));
}

/** Draws the plan's period on the server (or finds the draw made already) and brings it into this browser. */
export async function drawPeriod(
	userName: string,
	plan: SamplingPlan,
	period: DateRange,
	onStage: (stage: DrawStage, detail: string) => void
): Promise<Result<DrawOutcome>> {
	try {
		const profiles = await new Repository(userName, 'profile').all();
		const teams = new Map(profiles.map((profile) => [profile.userName, profile.team]));
		// 辅导跟踪: the calls open coaching tasks ask for go into the commitment's rules, so a redraw repeats them.
		const followUps = plan.rules.includeCoachingFollowUps ? await openFollowUps(userName) : [];
		const drawn = followUps.length ? { ...plan, rules: { ...plan.rules, followUps } } : plan;
		const outcome = await runDraw(browserDrawServer(), drawn, period, {
			teamOf: (agent) => teams.get(agent),
			inspectors: await inspectorSlots(userName, plan, period),
			drawnBy: userName,
			now: nowIso(),
			seed: newSeed(),
			onStage
		});
		await copyFromServer(userName, QA_DB, syncBaseUrl(), qaServerDatabase(), [outcome.draw._id]);
		return success(outcome);
	} catch (error) {
		if (error instanceof ServerUnreachable)
			return failure('抽取要读取服务器上本期的全部通话：请联网后再抽取');
		return failure(explainFailure(error, '抽取'));
	}
}

/** Draws the stored draw again from its commitment on the server and says whether it is what the seed gives. */
export async function auditStoredDraw(draw: SampleDraw): Promise<Result<DrawAudit>> {
	try {
		const bytes = await attachmentFromServer(
			syncBaseUrl(),
			qaServerDatabase(),
			inputIdOf(draw._id),
			POPULATION_ATTACHMENT
		);
		return success(await auditDraw(draw, await gunzipText(bytes)));
	} catch (error) {
		if (error instanceof ServerUnreachable) return failure('核对要读取服务器上的抽检底册：请联网后再核对');
		return failure(explainFailure(error, '核对'));
	}
}

/** Gives a drawn call to another inspector; the reason goes into the draw's history (the server insists). */
export async function reassign(
	userName: string,
	draw: Stored<SampleDraw>,
	recordingId: string,
	to: string,
	reason: string
): Promise<Result<Stored<SampleDraw>>> {
	try {
		const changed = reassignCall(draw, recordingId, to, reason, userName, nowIso());
		return success(await new Repository(userName, 'sampleDraw').save(changed));
	} catch (error) {
		return failure(explainFailure(error, '改派'));
	}
}
