// Ids of a calibration's documents: one score per session, call and inspector, one progress note per session
// and inspector. The server's validators rebuild the same ids from the fields (sync/ddocs/lib/calibration-rules.js).
import { hexOf } from '$lib/db/catalog';

const SESSION_PREFIX = 'calibrationSession:';

export const sessionKeyOf = (sessionId: string) => sessionId.slice(SESSION_PREFIX.length);

export const calibrationScoreId = (sessionId: string, recordingId: string, inspector: string) =>
	`calibrationScore:${sessionKeyOf(sessionId)}:${recordingId.slice('recording:'.length)}:${hexOf(inspector)}`;

/** Every score of one session: a range of ids. */
export const calibrationScorePrefix = (sessionId: string) => `calibrationScore:${sessionKeyOf(sessionId)}:`;

export const calibrationProgressId = (sessionId: string, inspector: string) =>
	`calibrationProgress:${sessionKeyOf(sessionId)}:${hexOf(inspector)}`;

export const calibrationProgressPrefix = (sessionId: string) =>
	`calibrationProgress:${sessionKeyOf(sessionId)}:`;

export const newCalibrationSessionId = () => `${SESSION_PREFIX}${crypto.randomUUID()}`;
