// An agent's acknowledgement and appeal share their evaluation's key, so each evaluation has at most one of each.
const keyOf = (evaluationId: string) => evaluationId.slice('evaluation:'.length);

export const acknowledgementIdOf = (evaluationId: string) => `acknowledgement:${keyOf(evaluationId)}`;
export const appealIdOf = (evaluationId: string) => `appeal:${keyOf(evaluationId)}`;

/** The call an evaluation (or its appeal, keyed the same) is of: call ids have no dots, user names may. */
export const recordingIdOfEvaluation = (evaluationId: string) =>
	`recording:${keyOf(evaluationId).split('.')[0]}`;
