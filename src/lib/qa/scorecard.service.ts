// Scorecards for the QA screens: the versions in use, and saving an edit (a used version is never
// changed: the edit becomes the next version).
import type { Scorecard } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { nowIso } from '$lib/time';
import { reviseScorecard } from './scorecards/scorecard-versions';

export async function listScorecards(userName: string): Promise<Result<Stored<Scorecard>[]>> {
	try {
		const all = await new Repository(userName, 'scorecard').all();
		return success(all.sort((a, b) => a.family.localeCompare(b.family) || b.version - a.version));
	} catch (error) {
		return failure(explainFailure(error, '读取评分表'));
	}
}

export async function getScorecard(userName: string, id: string): Promise<Result<Stored<Scorecard> | null>> {
	try {
		return success(await new Repository(userName, 'scorecard').get(id));
	} catch (error) {
		return failure(explainFailure(error, '读取评分表'));
	}
}

/** Whether any evaluation, draft or submitted, was scored on this version. */
export async function isScorecardUsed(userName: string, scorecardId: string): Promise<boolean> {
	const evaluations = await new Repository(userName, 'evaluation').all();
	return evaluations.some((evaluation) => evaluation.scorecardId === scorecardId);
}

export async function saveScorecard(
	userName: string,
	current: Stored<Scorecard> | null,
	edited: Scorecard
): Promise<Result<Stored<Scorecard>>> {
	try {
		const repository = new Repository(userName, 'scorecard');
		if (!current)
			return success(await repository.save({ ...edited, updatedBy: userName, updatedAt: nowIso() }));
		const used = await isScorecardUsed(userName, current._id);
		const revision = reviseScorecard(current, edited, { used, user: userName, now: nowIso() });
		const saved = await repository.saveMany(revision.documents);
		return success(saved[saved.length - 1]!);
	} catch (error) {
		return failure(explainFailure(error, '保存评分表'));
	}
}
