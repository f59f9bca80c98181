// What the player shows: comments pinned to moments of the call, and the transcript.
import type { Evaluation, Transcript } from '$lib/db/generated/documents';

export type PlayerComment = Evaluation['comments'][number];
export type TranscriptSegment = Transcript['segments'][number];
