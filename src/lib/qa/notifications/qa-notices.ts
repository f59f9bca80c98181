// 通知: what changed for this person in the QA programme, derived from the documents their browser already
// holds (nothing to write, sync or protect beyond the documents themselves): for an agent, a new result, a
// ruling, a re-score; for an inspector, an acknowledgement or appeal on their result, its ruling, a re-score
// of it, a new worklist or a call given to them, a calibration to score and its results; for a supervisor,
// appeals waiting for a ruling.
import type {
	Acknowledgement,
	Appeal,
	CalibrationSession,
	CoachingAck,
	CoachingTask,
	Evaluation,
	SampleDraw
} from '$lib/db/generated/documents';

export interface Notice {
	/** Stable across reads: what was seen stays seen. */
	key: string;
	at: string;
	text: string;
	href: string;
}

const RULINGS = { upheld: '申诉成立', rejected: '申诉驳回', expired: '逾期关闭', open: '' } as const;
// Call ids have no dots (common.schema.json#/$defs/callId); user names may.
const callOf = (keyedId: string) => keyedId.slice(keyedId.indexOf(':') + 1).split('.')[0]!;
const callPage = (id: string) => `/qa/recordings/${encodeURIComponent(`recording:${callOf(id)}`)}`;
const total = (value: number | null | undefined) =>
	value === null || value === undefined ? '—' : `${value}`;

export function agentNotices(
	evaluations: Evaluation[],
	appeals: Appeal[],
	coaching: CoachingTask[] = []
): Notice[] {
	const notices: Notice[] = [];
	for (const task of coaching)
		notices.push({
			key: `coaching:${task._id}`,
			at: task.createdAt,
			text: `新的辅导任务：${task.notes.slice(0, 30)}（${task.due} 前完成）`,
			href: '/my-qa'
		});
	for (const evaluation of evaluations) {
		if (evaluation.status === 'draft') continue;
		const call = evaluation.call?.callId ?? callOf(evaluation._id);
		if (evaluation.submittedAt)
			notices.push({
				key: `result:${evaluation._id}`,
				at: evaluation.submittedAt,
				text: `新的质检结果：通话 ${call}`,
				href: '/my-qa'
			});
		for (const change of evaluation.scoreHistory ?? [])
			notices.push({
				key: `rescore:${evaluation._id}:${change.at}`,
				at: change.at,
				text: `通话 ${call} 已改分：${total(change.totalBefore)} → ${total(change.totalAfter)}`,
				href: '/my-qa'
			});
	}
	for (const appeal of appeals)
		if (appeal.status !== 'open' && appeal.ruledAt)
			notices.push({
				key: `ruling:${appeal._id}`,
				at: appeal.ruledAt,
				text: `通话 ${callOf(appeal._id)} 的申诉已终审：${RULINGS[appeal.status]}`,
				href: '/my-qa'
			});
	return newestFirst(notices);
}

export interface StaffDocuments {
	appeals: Appeal[];
	acknowledgements: Acknowledgement[];
	/** This inspector's evaluations re-scored by someone else. */
	rescored: Evaluation[];
	draws: SampleDraw[];
	coachingTasks?: CoachingTask[];
	coachingAcks?: CoachingAck[];
	calibrations?: CalibrationSession[];
}

/** Whether a document keyed by evaluation (evaluation:, appeal:, acknowledgement:<call>.<inspector>) is theirs. */
const ofInspector = (id: string, inspector: string) => id.endsWith(`.${inspector}`);

export function staffNotices(userName: string, lead: boolean, documents: StaffDocuments): Notice[] {
	const notices: Notice[] = [];
	for (const acknowledgement of documents.acknowledgements)
		if (ofInspector(acknowledgement._id, userName))
			notices.push({
				key: `acknowledged:${acknowledgement._id}`,
				at: acknowledgement.acknowledgedAt,
				text: `坐席已确认通话 ${callOf(acknowledgement._id)} 的质检结果`,
				href: callPage(acknowledgement._id)
			});
	for (const appeal of documents.appeals) {
		const mine = ofInspector(appeal._id, userName);
		if (mine || (lead && appeal.status === 'open'))
			notices.push({
				key: `appeal:${appeal._id}`,
				at: appeal.createdAt,
				text: `${mine ? '你的质检单' : '待终审：'}通话 ${callOf(appeal._id)} 坐席申诉`,
				href: callPage(appeal._id)
			});
		if (mine && appeal.status !== 'open' && appeal.ruledAt && appeal.ruledBy !== userName)
			notices.push({
				key: `ruling:${appeal._id}`,
				at: appeal.ruledAt,
				text: `通话 ${callOf(appeal._id)} 的申诉已终审：${RULINGS[appeal.status]}`,
				href: callPage(appeal._id)
			});
	}
	for (const evaluation of documents.rescored)
		for (const change of evaluation.scoreHistory ?? [])
			if (evaluation.inspector === userName && change.by !== userName)
				notices.push({
					key: `rescore:${evaluation._id}:${change.at}`,
					at: change.at,
					text: `你的质检单（通话 ${callOf(evaluation._id)}）已由 ${change.by} 改分：${total(change.totalBefore)} → ${total(change.totalAfter)}`,
					href: callPage(evaluation._id)
				});
	for (const draw of documents.draws) {
		const mine = draw.items.filter((item) => item.inspector === userName).length;
		if (mine > 0)
			notices.push({
				key: `worklist:${draw._id}`,
				at: draw.drawnAt,
				text: `新的待评清单：${draw.planName}（${draw.period.from} 至 ${draw.period.to}）${mine} 通`,
				href: '/qa'
			});
		for (const change of draw.history)
			if (change.to === userName)
				notices.push({
					key: `reassigned:${draw._id}:${change.recordingId}:${change.at}`,
					at: change.at,
					text: `通话 ${change.recordingId.slice('recording:'.length)} 改派给你：${change.reason}`,
					href: `/qa/recordings/${encodeURIComponent(change.recordingId)}`
				});
	}
	for (const session of documents.calibrations ?? []) {
		if (!session.inspectors.includes(userName) && session.createdBy !== userName) continue;
		const href = `/qa/calibration/${encodeURIComponent(session._id)}`;
		if (session.inspectors.includes(userName) && session.createdBy !== userName)
			notices.push({
				key: `calibration:${session._id}`,
				at: session.createdAt,
				text: `邀请你参加质检校准：${session.title}（${session.due} 前盲评 ${session.calls.length} 通）`,
				href
			});
		if (session.revealedAt)
			notices.push({
				key: `calibration-results:${session._id}`,
				at: session.revealedAt,
				text: `质检校准「${session.title}」已结束，可查看一致性结果`,
				href
			});
	}
	const tasks = new Map((documents.coachingTasks ?? []).map((task) => [task._id, task]));
	for (const ack of documents.coachingAcks ?? []) {
		const task = tasks.get(ack.taskId);
		if (task?.createdBy === userName)
			notices.push({
				key: `coaching-ack:${ack._id}`,
				at: ack.acknowledgedAt,
				text: `坐席 ${ack.agentName} 已确认辅导任务${ack.note ? `：${ack.note}` : ''}`,
				href: '/qa/coaching'
			});
	}
	return newestFirst(notices);
}

function newestFirst(notices: Notice[]): Notice[] {
	return notices.sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key));
}
