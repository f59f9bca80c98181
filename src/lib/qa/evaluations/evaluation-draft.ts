// An inspector's evaluation of one call as it is being written: created blank from a scorecard version,
// then changed by comments and scores until it is submitted.
import type { Evaluation, Recording, Scorecard } from '$lib/db/generated/documents';

export type EvaluationComment = Evaluation['comments'][number];

/** One evaluation per call and inspector: calibration has several inspectors score the same call. */
export function evaluationIdFor(recordingId: string, inspector: string): string {
	return `evaluation:${recordingId.slice('recording:'.length)}.${inspector}`;
}

export function newEvaluation(
	recording: Recording,
	scorecard: Scorecard,
	inspector: string,
	now: string
): Evaluation {
	return {
		_id: evaluationIdFor(recording._id, inspector),
		type: 'evaluation',
		...(recording.subPlatform ? { subPlatform: recording.subPlatform } : {}),
		recordingId: recording._id,
		scorecardId: scorecard._id,
		scorecardVersion: scorecard.version,
		agentName: recording.agentName,
		call: {
			callId: recording.callId,
			startedAt: recording.startedAt,
			durationSeconds: recording.durationSeconds,
			direction: recording.direction,
			...(recording.businessType ? { businessType: recording.businessType } : {})
		},
		inspector,
		status: 'draft',
		scores: scorecard.sections.flatMap((section) =>
			section.criteria.map((criterion) => ({ criterionKey: criterion.key, points: null }))
		),
		comments: [],
		total: null,
		updatedAt: now
	};
}

export function withComment(evaluation: Evaluation, comment: Omit<EvaluationComment, 'id'>, id: string) {
	const comments = [...evaluation.comments, { ...comment, id }].sort(
		(a, b) => a.startSeconds - b.startSeconds
	);
	return { ...evaluation, comments };
}

export function withoutComment(evaluation: Evaluation, id: string): Evaluation {
	return { ...evaluation, comments: evaluation.comments.filter((comment) => comment.id !== id) };
}
