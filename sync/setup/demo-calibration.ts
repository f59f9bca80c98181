// 质检校准's demo: monthly sessions from September to November, three calls each scored blind by inspector01,
// inspector03 and supervisor01, closed and copied in by the server's fan-in (so /qa/calibration opens on an
// agreement table and a trend that improves), and an open December session for inspector01 and inspector03.
import type { ServerScope } from 'nano';
import { calibrationDatabaseName, QA_DB } from '../../src/lib/db/catalog';
import type { CalibrationScore, CalibrationSession, Scorecard } from '../../src/lib/db/generated/documents';
import { calibrationProgressId, calibrationScoreId } from '../../src/lib/qa/calibration/calibration-ids';
import { pointsAfterDeductions } from '../../src/lib/qa/scoring/evaluation-checks';
import { criteriaOf, scoreEvaluation, type Score } from '../../src/lib/qa/scoring/score-evaluation';
import { withUndecidedAtFullPoints } from '../../src/lib/qa/scoring/score-lines';
import { revealClosedSessions } from '../calibration/fan-in';

const SCORECARD_ID = 'scorecard:hotline-12345-v1';
const CALLS = [
	{ callId: 'C20261118-0001', startedAt: '2026-11-18T01:12:05.000Z', durationSeconds: 56.37 },
	{ callId: 'C20261119-0007', startedAt: '2026-11-19T14:40:31.000Z', durationSeconds: 46.44 },
	{ callId: 'C20261120-0003', startedAt: '2026-11-20T07:03:44.000Z', durationSeconds: 38.56 }
];
const INSPECTORS = ['inspector01', 'inspector03', 'supervisor01'];

function session(
	key: string,
	title: string,
	inspectors: string[],
	calls: typeof CALLS,
	times: { createdAt: string; due: string; closedAt?: string }
): CalibrationSession {
	return {
		_id: `calibrationSession:${key}`,
		type: 'calibrationSession',
		title,
		scorecardId: SCORECARD_ID,
		scorecardVersion: 1,
		calls: calls.map((call) => ({
			recordingId: `recording:${call.callId}`,
			callId: call.callId,
			agentName: 'agent01',
			startedAt: call.startedAt,
			durationSeconds: call.durationSeconds
		})),
		inspectors,
		passMark: 80,
		due: times.due,
		status: times.closedAt ? 'closed' : 'open',
		createdBy: 'supervisor01',
		createdAt: times.createdAt,
		...(times.closedAt ? { closedBy: 'supervisor01', closedAt: times.closedAt } : {}),
		updatedAt: times.closedAt ?? times.createdAt
	};
}

/** Closed sessions, oldest first: the later, the fewer habits the inspectors still disagree on. */
export const demoClosedCalibrations = [
	['09', '2026-09-21', '2026-09-25'],
	['10', '2026-10-19', '2026-10-23'],
	['11', '2026-11-24', '2026-11-27']
].map(([month, created, due]) =>
	session(`demo-2026-${month}`, `2026年${Number(month)}月质检校准`, INSPECTORS, CALLS, {
		createdAt: `${created}T01:00:00.000Z`,
		due: due!,
		closedAt: `${due}T09:00:00.000Z`
	})
);

export const demoOpenCalibration = session(
	'demo-2026-12',
	'2026年12月质检校准',
	['inspector01', 'inspector03'],
	CALLS.slice(0, 2),
	{ createdAt: '2026-12-01T01:00:00.000Z', due: '2026-12-31' }
);

/**
 * One inspector's lines for one call: the deductions every inspector agrees on for that call, then the
 * inspector's own habit, `habit` items of it — inspector03 overlooks some of them, supervisor01 finds more.
 */
function demoScores(scorecard: Scorecard, call: number, inspector: number, habit: number): Score[] {
	const deductible = criteriaOf(scorecard).filter((criterion) => (criterion.deductions ?? []).length > 0);
	const agreed = deductible.filter((_, index) => (index * 7 + call * 3) % 6 === 0);
	const extra = deductible.filter((criterion) => !agreed.includes(criterion)).slice(call, call + habit);
	const overlooked = agreed.slice(0, Math.max(0, agreed.length - habit));
	const taken = inspector === 1 ? overlooked : inspector === 2 ? [...agreed, ...extra] : agreed;
	return withUndecidedAtFullPoints(scorecard, []).map((line) => {
		const criterion = taken.find((candidate) => candidate.key === line.criterionKey);
		if (!criterion) return line;
		const reasons = [criterion.deductions![0]!.reason];
		return { ...line, points: pointsAfterDeductions(criterion, reasons), deductionReasons: reasons };
	});
}

async function insertMissing(couch: ServerScope, database: string, doc: { _id: string }): Promise<boolean> {
	const db = couch.use(database);
	if (await db.head(doc._id).catch(() => null)) return false;
	await db.insert(doc);
	return true;
}

export async function loadDemoCalibration(couch: ServerScope, log: (line: string) => void) {
	const scorecard = (await couch.use(QA_DB).get(SCORECARD_ID)) as unknown as Scorecard;
	for (const [order, closed] of demoClosedCalibrations.entries()) {
		const habit = demoClosedCalibrations.length - order;
		const submittedAt = closed.closedAt!.replace('T09:', 'T08:');
		for (const [inspectorIndex, inspector] of INSPECTORS.entries()) {
			for (const [callIndex, call] of closed.calls.entries()) {
				const scores = demoScores(scorecard, callIndex, inspectorIndex, habit);
				const result = scoreEvaluation(scorecard, scores);
				const score: CalibrationScore = {
					_id: calibrationScoreId(closed._id, call.recordingId, inspector),
					type: 'calibrationScore',
					sessionId: closed._id,
					recordingId: call.recordingId,
					inspector,
					scorecardId: SCORECARD_ID,
					scorecardVersion: 1,
					scores,
					total: result.total,
					redLineFailed: result.redLineFailed,
					status: 'submitted',
					submittedAt,
					updatedAt: submittedAt
				};
				await insertMissing(couch, calibrationDatabaseName(inspector), score);
			}
			await insertMissing(couch, QA_DB, {
				_id: calibrationProgressId(closed._id, inspector),
				type: 'calibrationProgress',
				sessionId: closed._id,
				inspector,
				submitted: closed.calls.map((call) => call.recordingId),
				updatedAt: submittedAt
			} as { _id: string });
		}
		if (await insertMissing(couch, QA_DB, closed)) log(`  closed the demo calibration ${closed.title}`);
	}
	if (await insertMissing(couch, QA_DB, demoOpenCalibration))
		log('  opened the demo calibration of December');
	// The server's fan-in would take them within seconds; done here so the demo is whole when the server is up.
	await revealClosedSessions(couch, log);
}
