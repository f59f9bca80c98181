// A coaching confirmation's id is its task's: one confirmation a task, wherever it is written.
export const coachingAckIdOf = (taskId: string) => `coachingAck:${taskId.slice('coachingTask:'.length)}`;
