// 质检校准 for the screens. The session and everyone's progress are in qa; the inspector's own scores are in
// their calibration database (calib-…), which no one else reads, until the server copies every participant's
// submitted scores into qa when the supervisor closes the session (sync/calibration/fan-in.ts).
import { calibrationDatabaseName } from '$lib/db/catalog';
import type {
	CalibrationProgress,
	CalibrationScore,
	CalibrationSession,
	Recording,
	Scorecard
} from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { getFromServer } from '$lib/db/server-documents';
import { ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import {
	calibrationProgressId,
	calibrationProgressPrefix,
	calibrationScoreId,
	calibrationScorePrefix,
	newCalibrationSessionId
} from './calibration/calibration-ids';
import { revealedSessionResults, type CalibrationResults } from './calibration/session-results';
import { submissionProblems } from './scoring/evaluation-checks';
import { scoreEvaluation, type Score } from './scoring/score-evaluation';

export type CalibrationCall = CalibrationSession['calls'][number];

export interface CalibrationDesk {
	session: Stored<CalibrationSession>;
	scorecard: Stored<Scorecard> | null;
	/** The signed-in inspector's own scores, drafts included. */
	mine: Stored<CalibrationScore>[];
	/** Who has submitted which calls (no scores). */
	progress: Stored<CalibrationProgress>[];
	/** Everyone's submitted scores, once the server has copied them into qa at close. */
	revealed: Stored<CalibrationScore>[];
}

const ownScores = (userName: string) =>
	new Repository(userName, 'calibrationScore', calibrationDatabaseName(userName));

export async function listCalibrationSessions(
	userName: string
): Promise<Result<Stored<CalibrationSession>[]>> {
	try {
		const sessions = await new Repository(userName, 'calibrationSession').all();
		return success(sessions.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)));
	} catch (error) {
		return failure(explainFailure(error, '读取校准'));
	}
}

export async function loadCalibrationDesk(
	userName: string,
	sessionId: string
): Promise<Result<CalibrationDesk | null>> {
	try {
		const session = await new Repository(userName, 'calibrationSession').get(sessionId);
		if (!session) return success(null);
		const [scorecard, mine, progress, revealed] = await Promise.all([
			new Repository(userName, 'scorecard').get(session.scorecardId),
			session.inspectors.includes(userName)
				? ownScores(userName).withIdPrefix(calibrationScorePrefix(sessionId))
				: Promise.resolve([]),
			new Repository(userName, 'calibrationProgress').withIdPrefix(calibrationProgressPrefix(sessionId)),
			new Repository(userName, 'calibrationScore').withIdPrefix(calibrationScorePrefix(sessionId))
		]);
		return success({ session, scorecard, mine, progress, revealed });
	} catch (error) {
		return failure(explainFailure(error, '读取校准'));
	}
}

/** The calls named by 通话编号, read from the server (calls are not replicated); unknown numbers reported. */
export async function findCallsForCalibration(
	callIds: string[]
): Promise<Result<{ calls: CalibrationCall[]; unknown: string[] }>> {
	const calls: CalibrationCall[] = [];
	const unknown: string[] = [];
	try {
		for (const callId of callIds) {
			const recording = /^[A-Za-z0-9_-]{1,64}$/.test(callId)
				? await getFromServer<Recording>(syncBaseUrl(), qaServerDatabase(), `recording:${callId}`)
				: null;
			if (!recording) {
				unknown.push(callId);
				continue;
			}
			calls.push({
				recordingId: recording._id,
				callId: recording.callId,
				agentName: recording.agentName,
				startedAt: recording.startedAt,
				durationSeconds: recording.durationSeconds,
				...(recording.businessType ? { businessType: recording.businessType } : {})
			});
		}
		return success({ calls, unknown });
	} catch (error) {
		if (error instanceof ServerUnreachable) return failure('连不上服务器：选择校准的通话需要联网');
		return failure(explainFailure(error, '查找通话'));
	}
}

export interface NewCalibration {
	title: string;
	scorecard: Stored<Scorecard>;
	calls: CalibrationCall[];
	inspectors: string[];
	referenceInspector?: string;
	passMark: number;
	due: string;
}

export async function createCalibrationSession(
	userName: string,
	input: NewCalibration
): Promise<Result<Stored<CalibrationSession>>> {
	if (input.calls.length === 0) return failure('请至少选择一通电话');
	if (input.inspectors.length < 2) return failure('校准至少需要两名质检员');
	const now = nowIso();
	try {
		return success(
			await new Repository(userName, 'calibrationSession').save({
				_id: newCalibrationSessionId(),
				type: 'calibrationSession',
				title: input.title.trim(),
				scorecardId: input.scorecard._id,
				scorecardVersion: input.scorecard.version,
				calls: input.calls,
				inspectors: input.inspectors,
				...(input.referenceInspector ? { referenceInspector: input.referenceInspector } : {}),
				passMark: input.passMark,
				due: input.due,
				status: 'open',
				createdBy: userName,
				createdAt: now,
				updatedAt: now
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '创建校准'));
	}
}

function scoreDocument(
	userName: string,
	session: CalibrationSession,
	recordingId: string,
	scores: Score[],
	scorecard: Scorecard
): CalibrationScore {
	const result = scoreEvaluation(scorecard, scores);
	return {
		_id: calibrationScoreId(session._id, recordingId, userName),
		type: 'calibrationScore',
		sessionId: session._id,
		recordingId,
		inspector: userName,
		scorecardId: session.scorecardId,
		scorecardVersion: session.scorecardVersion,
		scores,
		total: result.total,
		redLineFailed: result.redLineFailed,
		status: 'draft',
		updatedAt: nowIso()
	};
}

const ALREADY_SUBMITTED = '这通电话的校准评分已经提交，不能再修改';

// Saves of one inspector's scores are chained, so a slow save never lands after a newer one.
let queue: Promise<unknown> = Promise.resolve();

export function saveCalibrationDraft(
	userName: string,
	session: CalibrationSession,
	recordingId: string,
	scores: Score[],
	scorecard: Scorecard
): Promise<Result<Stored<CalibrationScore>>> {
	const save = async (): Promise<Result<Stored<CalibrationScore>>> => {
		try {
			if (session.status !== 'open') return failure('校准已结束，不能再评分');
			const repository = ownScores(userName);
			const draft = scoreDocument(userName, session, recordingId, scores, scorecard);
			const stored = await repository.get(draft._id);
			if (stored?.status === 'submitted') return failure(ALREADY_SUBMITTED);
			return success(await repository.save({ ...draft, ...(stored ? { _rev: stored._rev } : {}) }));
		} catch (error) {
			return failure(explainFailure(error, '保存校准评分'));
		}
	};
	const next = queue.then(save, save);
	queue = next;
	return next;
}

/** Submits one call's score (final: agreement is measured on first judgements) and notes the progress in qa. */
export async function submitCalibrationScore(
	userName: string,
	session: CalibrationSession,
	recordingId: string,
	scores: Score[],
	scorecard: Scorecard
): Promise<Result<Stored<CalibrationScore>>> {
	const problems = submissionProblems(scorecard, scores);
	if (problems.length > 0)
		return failure(`还不能提交：${problems.map((problem) => problem.message).join('；')}`);
	if (session.status !== 'open') return failure('校准已结束，不能再评分');
	await queue.catch(() => undefined);
	try {
		const repository = ownScores(userName);
		const draft = scoreDocument(userName, session, recordingId, scores, scorecard);
		const stored = await repository.get(draft._id);
		if (stored?.status === 'submitted') return failure(ALREADY_SUBMITTED);
		const now = nowIso();
		const saved = await repository.save({
			...draft,
			...(stored ? { _rev: stored._rev } : {}),
			status: 'submitted',
			submittedAt: now,
			updatedAt: now
		});
		const progressRepository = new Repository(userName, 'calibrationProgress');
		const progressId = calibrationProgressId(session._id, userName);
		const progress = await progressRepository.get(progressId);
		await progressRepository.save({
			_id: progressId,
			type: 'calibrationProgress',
			sessionId: session._id,
			inspector: userName,
			submitted: [...new Set([...(progress?.submitted ?? []), recordingId])],
			updatedAt: now,
			...(progress ? { _rev: progress._rev } : {})
		});
		return success(saved);
	} catch (error) {
		return failure(explainFailure(error, '提交校准评分'));
	}
}

/** 结束校准: the server then copies everyone's submitted scores into qa, and the results can be read. */
export async function closeCalibrationSession(
	userName: string,
	session: Stored<CalibrationSession>
): Promise<Result<Stored<CalibrationSession>>> {
	const now = nowIso();
	try {
		return success(
			await new Repository(userName, 'calibrationSession').save({
				...session,
				status: 'closed',
				closedBy: userName,
				closedAt: now,
				updatedAt: now
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '结束校准'));
	}
}

/** The reference (参考分): whose scores the others' deviations are measured from; none for the group mean. */
export async function setReferenceInspector(
	userName: string,
	session: Stored<CalibrationSession>,
	inspector: string | null
): Promise<Result<Stored<CalibrationSession>>> {
	const { referenceInspector: _previous, ...rest } = session;
	try {
		return success(
			await new Repository(userName, 'calibrationSession').save({
				...rest,
				...(inspector ? { referenceInspector: inspector } : {}),
				updatedAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '设置参考评分'));
	}
}

export interface RevealedCalibration {
	session: Stored<CalibrationSession>;
	results: CalibrationResults;
}

/** Every revealed session with its results, oldest first: the trend of agreement over sessions. */
export async function revealedCalibrations(userName: string): Promise<Result<RevealedCalibration[]>> {
	try {
		const [sessions, scores, scorecards] = await Promise.all([
			new Repository(userName, 'calibrationSession').all(),
			new Repository(userName, 'calibrationScore').all(),
			new Repository(userName, 'scorecard').all()
		]);
		const revealed = revealedSessionResults(
			sessions,
			scores,
			new Map(scorecards.map((card) => [card._id, card]))
		);
		return success(revealed as RevealedCalibration[]);
	} catch (error) {
		return failure(explainFailure(error, '读取校准结果'));
	}
}
