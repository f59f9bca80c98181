// The QA report for the screen: read from the server's qa `reports` views for a period and the one before (two
// sets of grouped key-range reads), with the QA settings this browser holds, and kept for offline reading.
import { QA_DB } from '$lib/db/catalog';
import type { SampleDraw } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readFromServer } from '$lib/db/server-documents';
import { readServerView } from '$lib/db/server-views';
import { revealedCalibrations } from '$lib/qa/calibration.service';
import { passMarkOf } from '$lib/qa/scorecards/pass-mark';
import { scoredCallsOfDraws } from '$lib/qa/worklist.service';
import type { Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import { loadCachedReport, type LoadedReport } from './cached-report';
import type { Stats, ViewRow } from './qa-figures';
import { scopeKeys, type RangeRead } from './qa-queries';
import { buildQaReport, type ScopeChoice } from './qa-report';
import type { ReportPeriod } from './report-periods';
import type { QaReport } from './report-types';
import { viewParameters } from './report-view-read';

/** 合格线 as the scorecards set it (the local copy holds every scorecard of whoever reads QA reports). */
export async function centrePassMark(userName: string): Promise<number> {
	return passMarkOf(await new Repository(userName, 'scorecard').all());
}

function serverRead(query: RangeRead): Promise<ViewRow<unknown[]>[]> {
	return readServerView<unknown[], Stats>(
		syncBaseUrl(),
		qaServerDatabase(),
		query.view,
		viewParameters(query)
	);
}

async function drawsEndingFrom(from: string): Promise<SampleDraw[]> {
	const rows = await readServerView<unknown[], null>(
		syncBaseUrl(),
		qaServerDatabase(),
		'reports/sample-draws',
		{
			startkey: [from],
			endkey: [{}]
		}
	);
	return readFromServer<SampleDraw>(
		syncBaseUrl(),
		qaServerDatabase(),
		rows.flatMap((row) => (row.id ? [row.id] : []))
	);
}

export function loadQaReport(
	userName: string,
	period: ReportPeriod,
	choice: ScopeChoice,
	passMark: number
): Promise<Result<LoadedReport<QaReport>>> {
	const cacheKey = `report:qa:${scopeKeys(choice.scope).join(',')}:${period.code}:${passMark}`;
	return loadCachedReport(userName, QA_DB, cacheKey, async () => {
		const [scorecards, profiles, problemTags, calibrations] = await Promise.all([
			new Repository(userName, 'scorecard').all(),
			new Repository(userName, 'profile').all(),
			new Repository(userName, 'problemTag').all(),
			// Every session and revealed score is in the QA working set (src/lib/db/replication-plan.ts).
			revealedCalibrations(userName)
		]);
		return buildQaReport(period, choice, passMark, {
			read: serverRead,
			coverage: {
				drawsEndingFrom,
				scoredCalls: async (draws) => (await scoredCallsOfDraws(userName, draws)).scored
			},
			scorecards,
			profiles,
			problemTags,
			calibrations: calibrations.ok ? calibrations.value : [],
			now: nowIso()
		});
	});
}
