// The QA programme's demo: a weekly sampling plan and its draw of the demo week (2026-11-16 to 22), made by
// the browser's own draw code with a fixed seed, so inspector01 and inspector03 open on a worklist.
import type { ServerScope } from 'nano';
import type { SamplingPlan } from '../../src/lib/db/generated/documents';
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
}
