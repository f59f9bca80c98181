// The fan-in of 质检校准: when a supervisor closes a session, the server (with the server admin's rights, the
// only reader of every calib-… database) copies each participant's submitted scores into qa and marks the
// session revealed. Until then no one but the inspector reads their scores: CouchDB cannot hide documents in
// a readable database, so the blind part lives in databases of one reader each. Plain CouchDB requests, so
// the same code runs beside the embedded server and, as `npm run calibration-fan-in`, beside Apache CouchDB.
import type { ServerScope } from 'nano';
import { calibrationDatabaseName, QA_DB } from '../../src/lib/db/catalog';
import type { CalibrationScore, CalibrationSession } from '../../src/lib/db/generated/documents';

type Stored<T> = T & { _rev: string };

function isNotFound(error: unknown): boolean {
	return (error as { statusCode?: number }).statusCode === 404;
}

/** A participant's submitted scores of the session's calls, from their own database (none if it is missing). */
async function submittedScores(
	server: ServerScope,
	session: CalibrationSession,
	inspector: string
): Promise<CalibrationScore[]> {
	const prefix = `calibrationScore:${session._id.slice('calibrationSession:'.length)}:`;
	const calls = new Set(session.calls.map((call) => call.recordingId));
	try {
		const rows = await server.use<CalibrationScore>(calibrationDatabaseName(inspector)).list({
			include_docs: true,
			startkey: prefix,
			endkey: `${prefix}\ufff0`
		});
		return rows.rows.flatMap((row) => {
			const doc = row.doc;
			// The owner's validator already holds these true; the copy into qa trusts nothing it did not check.
			if (!doc || doc.type !== 'calibrationScore' || doc.status !== 'submitted') return [];
			if (doc.inspector !== inspector || doc.sessionId !== session._id || !calls.has(doc.recordingId))
				return [];
			const { _rev: _dropped, ...score } = doc as Stored<CalibrationScore>;
			return [score];
		});
	} catch (error) {
		if (isNotFound(error)) return [];
		throw error;
	}
}

/** Copies one closed session's scores into qa and marks it revealed; returns how many scores it copied. */
export async function revealSession(
	server: ServerScope,
	session: Stored<CalibrationSession>
): Promise<number> {
	const qa = server.use<Record<string, unknown>>(QA_DB);
	const scores = (
		await Promise.all(session.inspectors.map((inspector) => submittedScores(server, session, inspector)))
	).flat();
	if (scores.length > 0) {
		const results = await qa.bulk({ docs: scores as unknown as Record<string, unknown>[] });
		// A conflict is a score an interrupted earlier run already copied: the same document.
		const failed = results.filter((result) => result.error && result.error !== 'conflict');
		if (failed.length > 0)
			throw new Error(
				`校准评分汇入失败: ${failed.map((result) => `${result.id} ${result.reason}`).join('; ')}`
			);
	}
	await qa.insert({ ...session, revealedAt: new Date().toISOString() } as unknown as Record<string, unknown>);
	return scores.length;
}

/** One pass: every closed session not yet revealed. A session changed meanwhile is taken on the next pass. */
export async function revealClosedSessions(
	server: ServerScope,
	log: (line: string) => void
): Promise<number> {
	const qa = server.use<CalibrationSession>(QA_DB);
	const waiting = await qa.view('calibration', 'awaiting-reveal');
	let revealed = 0;
	for (const row of waiting.rows) {
		const session = (await qa.get(row.id)) as Stored<CalibrationSession>;
		if (session.status !== 'closed' || session.revealedAt) continue;
		try {
			const copied = await revealSession(server, session);
			log(`  校准「${session.title}」已结束：汇入 ${copied} 份评分`);
			revealed++;
		} catch (error) {
			if ((error as { statusCode?: number }).statusCode === 409) continue;
			throw error;
		}
	}
	return revealed;
}

/** Runs a pass every few seconds until stopped; a failed pass is logged and tried again. */
export function watchCalibrationSessions(
	server: ServerScope,
	everySeconds: number,
	log: (line: string) => void
): () => void {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const pass = async () => {
		try {
			await revealClosedSessions(server, log);
		} catch (error) {
			log(`校准汇总失败，稍后重试: ${(error as Error).message}`);
		}
		if (!stopped) timer = setTimeout(() => void pass(), everySeconds * 1000);
	};
	void pass();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
