// 辅导: a coaching task opened from a result for its agent, its progress for the coach and the supervisor
// (the agent's confirmation, the coached items before and since), and the agent's side in /my-qa.
import { agentQaDatabaseName } from '$lib/db/catalog';
import type { CoachingAck, CoachingTask, Evaluation, Scorecard } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { compareItems, type ItemComparison } from './coaching/before-after';
import { coachingAckIdOf } from './coaching/coaching-ids';
import { recordingIdOfEvaluation } from './evaluations/evaluation-ids';

const keyOf = (evaluationId: string) => evaluationId.slice('evaluation:'.length);
export const coachingTaskIdOf = (evaluationId: string) => `coachingTask:${keyOf(evaluationId)}`;

export interface CoachingInput {
	criterionKeys: string[];
	notes: string;
	commentIds: string[];
	due: string;
	followUpCalls: number;
}

export async function openCoachingTask(
	userName: string,
	evaluation: Evaluation,
	input: CoachingInput
): Promise<Result<Stored<CoachingTask>>> {
	if (input.criterionKeys.length === 0) return failure('请至少选择一个需要改进的评分项');
	if (input.notes.trim().length < 2) return failure('请写明辅导要点');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.due)) return failure('请选择完成日期');
	try {
		return success(
			await new Repository(userName, 'coachingTask').save({
				_id: coachingTaskIdOf(evaluation._id),
				type: 'coachingTask',
				evaluationId: evaluation._id,
				recordingId: recordingIdOfEvaluation(evaluation._id),
				agentName: evaluation.agentName,
				...(evaluation.subPlatform ? { subPlatform: evaluation.subPlatform } : {}),
				scorecardId: evaluation.scorecardId,
				criterionKeys: input.criterionKeys,
				notes: input.notes.trim(),
				commentIds: input.commentIds,
				due: input.due,
				followUpCalls: input.followUpCalls,
				status: 'open',
				createdBy: userName,
				createdAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '开辅导任务'));
	}
}

export async function getCoachingTask(
	userName: string,
	evaluationId: string
): Promise<Stored<CoachingTask> | null> {
	return new Repository(userName, 'coachingTask').get(coachingTaskIdOf(evaluationId));
}

export interface CoachingProgress {
	task: Stored<CoachingTask>;
	ack: Stored<CoachingAck> | null;
	items: ItemComparison[];
}

/** The tasks held here (open, and those of this month and last), with the agent's confirmation and the items' scores. */
export async function listCoachingProgress(userName: string): Promise<Result<CoachingProgress[]>> {
	try {
		const [tasks, acks, evaluations, scorecards] = await Promise.all([
			new Repository(userName, 'coachingTask').all(),
			new Repository(userName, 'coachingAck').all(),
			new Repository(userName, 'evaluation').all(),
			new Repository(userName, 'scorecard').all()
		]);
		const ackById = new Map(acks.map((ack) => [ack._id, ack]));
		const cards = new Map<string, Scorecard>(scorecards.map((card) => [card._id, card]));
		return success(
			tasks
				.map((task) => ({
					task,
					ack: ackById.get(coachingAckIdOf(task._id)) ?? null,
					items: compareItems(evaluations, cards, task.agentName, task.criterionKeys, task.createdAt)
				}))
				.sort(
					(a, b) =>
						Number(a.task.status === 'closed') - Number(b.task.status === 'closed') ||
						a.task.due.localeCompare(b.task.due)
				)
		);
	} catch (error) {
		return failure(explainFailure(error, '读取辅导任务'));
	}
}

export async function closeCoachingTask(
	userName: string,
	task: Stored<CoachingTask>,
	note: string
): Promise<Result<Stored<CoachingTask>>> {
	try {
		return success(
			await new Repository(userName, 'coachingTask').save({
				...task,
				status: 'closed',
				closedBy: userName,
				closedAt: nowIso(),
				...(note.trim() ? { closingNote: note.trim() } : {})
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '关闭辅导任务'));
	}
}

/** Follow-up calls the open tasks held here ask the next draws for, by agent. */
export async function openFollowUps(userName: string): Promise<Array<{ agent: string; calls: number }>> {
	const tasks = await new Repository(userName, 'coachingTask').all();
	const byAgent = new Map<string, number>();
	for (const task of tasks)
		if (task.status === 'open' && task.followUpCalls > 0)
			byAgent.set(task.agentName, Math.max(byAgent.get(task.agentName) ?? 0, task.followUpCalls));
	return [...byAgent]
		.map(([agent, calls]) => ({ agent, calls }))
		.sort((a, b) => (a.agent < b.agent ? -1 : 1));
}

export interface MyCoaching {
	task: Stored<CoachingTask>;
	ack: Stored<CoachingAck> | null;
	evaluation: Stored<Evaluation> | null;
}

/** The agent's coaching tasks, from their own database. */
export async function listMyCoaching(userName: string): Promise<Result<MyCoaching[]>> {
	const own = agentQaDatabaseName(userName);
	try {
		const [tasks, acks, evaluations] = await Promise.all([
			new Repository(userName, 'coachingTask', own).all(),
			new Repository(userName, 'coachingAck', own).all(),
			new Repository(userName, 'evaluation', own).all()
		]);
		const ackById = new Map(acks.map((ack) => [ack._id, ack]));
		const evaluationById = new Map(evaluations.map((evaluation) => [evaluation._id, evaluation]));
		return success(
			tasks
				.filter((task) => task.agentName === userName)
				.map((task) => ({
					task,
					ack: ackById.get(coachingAckIdOf(task._id)) ?? null,
					evaluation: evaluationById.get(task.evaluationId) ?? null
				}))
				.sort((a, b) => b.task.createdAt.localeCompare(a.task.createdAt))
		);
	} catch (error) {
		return failure(explainFailure(error, '读取辅导任务'));
	}
}

export async function acknowledgeCoaching(
	userName: string,
	task: CoachingTask,
	note: string
): Promise<Result<void>> {
	try {
		await new Repository(userName, 'coachingAck', agentQaDatabaseName(userName)).save({
			_id: coachingAckIdOf(task._id),
			type: 'coachingAck',
			taskId: task._id,
			agentName: userName,
			...(task.subPlatform ? { subPlatform: task.subPlatform } : {}),
			...(note.trim() ? { note: note.trim() } : {}),
			acknowledgedAt: nowIso()
		});
		return success(undefined);
	} catch (error) {
		return failure(explainFailure(error, '确认辅导任务'));
	}
}
