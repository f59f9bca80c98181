// 我的质检统计: an agent's own figures of a period and the one before, from the database only they read (their
// submitted results and appeals); counted as their supervisor's report counts them (own-qa-rows.ts), by the
// pass mark set on the scorecards. Offline as online: everything is in the browser.
import { agentQaDatabaseName } from '$lib/db/catalog';
import { Repository } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { passMarkOf } from '$lib/qa/scorecards/pass-mark';
import { failure, success, type Result } from '$lib/result';
import { ownQaRows } from './own-qa-rows';
import { qaFigures } from './qa-figures';
import { datesOf, previousPeriod, type ReportPeriod } from './report-periods';
import type { QaFigures } from './report-types';

export interface OwnFigures {
	period: ReportPeriod;
	previous: ReportPeriod;
	current: QaFigures;
	before: QaFigures;
}

export async function loadOwnFigures(userName: string, period: ReportPeriod): Promise<Result<OwnFigures>> {
	const own = agentQaDatabaseName(userName);
	try {
		const [evaluations, appeals, scorecards] = await Promise.all([
			new Repository(userName, 'evaluation', own).all(),
			new Repository(userName, 'appeal', own).all(),
			new Repository(userName, 'scorecard', own).all()
		]);
		const cards = new Map(scorecards.map((card) => [card._id, card]));
		const passMark = passMarkOf(scorecards);
		const previous = previousPeriod(period);
		const figuresOf = (range: ReportPeriod) =>
			qaFigures(ownQaRows(userName, evaluations, appeals, range), passMark, datesOf(range), cards);
		return success({ period, previous, current: figuresOf(period), before: figuresOf(previous) });
	} catch (error) {
		return failure(explainFailure(error, '统计我的质检结果'));
	}
}
