// The QA programme's demo: a weekly sampling plan and its draw of the demo week (2026-11-16 to 22), made by
// the browser's own draw code with a fixed seed, so inspector01 and inspector03 open on a worklist; and a
// coaching task for agent01 from the demo result.
import type { ServerScope } from 'nano';
import type { CoachingTask, SamplingPlan } from '../../src/lib/db/generated/documents';
import { workingDayAfter } from '../../src/lib/calendar/working-days';
import { beijingToday } from '../../src/lib/time';
import { QA_DB } from '../../src/lib/db/catalog';
import { runDraw } from '../../src/lib/qa/sampling/run-draw';
import { nanoDrawServer } from '../sampling/nano-draw-server';
import type { UserAccount } from './setup';

const PLANNED_AT = '2026-11-15T01:00:00.000Z';

export const demoPlan: SamplingPlan = {
	_id: 'samplingPlan:weekly-demo',
	type: 'samplingPlan',
	name: '每周常规抽检',
	period: { kind: 'weekly', weekday: 1 },
	rules: {
		population: { minimumSeconds: 20 },
		size: { ratio: 0.5 },
		minimumPerAgent: 1,
		stratifyBy: ['agent'],
		mustInclude: { complaints: true, unsatisfied: true }
	},
	assignment: { inspectors: ['inspector01', 'inspector03'], avoidOwnTeam: true, dueWorkingDays: 3 },
	active: true,
	createdBy: 'supervisor01',
	createdAt: PLANNED_AT,
	updatedBy: 'supervisor01',
	updatedAt: PLANNED_AT
};

export async function loadDemoProgramme(
	couch: ServerScope,
	users: UserAccount[],
	log: (line: string) => void
) {
	const qa = couch.use(QA_DB);
	if (!(await qa.head(demoPlan._id).catch(() => null))) await qa.insert(demoPlan);
	const teams = new Map(users.map((user) => [user.name, user.team]));
	const outcome = await runDraw(
		nanoDrawServer(couch, QA_DB),
		demoPlan,
		{ from: '2026-11-16', to: '2026-11-22' },
		{
			teamOf: (agent) => teams.get(agent),
			inspectors: demoPlan.assignment.inspectors.map((name) => ({
				name,
				...(teams.get(name) ? { team: teams.get(name)! } : {}),
				load: 0
			})),
			drawnBy: 'supervisor01',
			now: '2026-11-23T01:00:00.000Z',
			seed: '5eed2026111600000000000000000001'
		}
	);
	if (outcome.how !== 'existing')
		log(`  drew the demo week: ${outcome.draw.items.length} calls for inspectors`);
	if (!(await qa.head(demoCoaching._id).catch(() => null))) {
		// Due a week after the demo is first loaded, so it shows as work in progress.
		const task: CoachingTask = {
			...demoCoaching,
			due: workingDayAfter(beijingToday(), 5),
			createdAt: new Date().toISOString()
		};
		await qa.insert(task);
		log('  opened a coaching task for agent01');
	}
}

/** 辅导: inspector01 coaches agent01 on the demo result's closing and the number not checked. */
const demoCoaching: CoachingTask = {
	_id: 'coachingTask:C20261118-0001.inspector01',
	type: 'coachingTask',
	evaluationId: 'evaluation:C20261118-0001.inspector01',
	recordingId: 'recording:C20261118-0001',
	agentName: 'agent01',
	scorecardId: 'scorecard:hotline-12345-v1',
	criterionKeys: ['closing', 'contact'],
	notes: '结束前询问“请问还有其他问题吗”，并复述核实回访电话',
	commentIds: ['demo-2'],
	due: '2026-12-31',
	followUpCalls: 2,
	status: 'open',
	createdBy: 'inspector01',
	createdAt: PLANNED_AT
};
