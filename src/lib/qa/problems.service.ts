// 问题类型 and 典型案例: the managed list (supervisors keep it), tagging a result, and the lists by type and
// period read from the server's views (problems/…), or from this browser's results when offline.
import type { Evaluation, ProblemTag } from '$lib/db/generated/documents';
import { Repository, type Stored } from '$lib/db/repository';
import { qaServerDatabase } from '$lib/db/server-databases';
import { readServerView, ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import {
	countsFromEvaluations,
	countsFromRows,
	previousRange,
	tagRows,
	tagsOf,
	type TagRow
} from './problems/tag-counts';
import { rangeInstants, type DateRange } from './sampling/plan-periods';

export async function listProblemTags(userName: string): Promise<Result<Stored<ProblemTag>[]>> {
	try {
		const tags = await new Repository(userName, 'problemTag').all();
		return success(tags.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh')));
	} catch (error) {
		return failure(explainFailure(error, '读取问题类型'));
	}
}

/** A new type's key: short, unique enough, and of the characters the server accepts. */
export function newProblemTagKey(): string {
	return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

export async function saveProblemTag(userName: string, tag: ProblemTag): Promise<Result<Stored<ProblemTag>>> {
	if (!tag.name.trim()) return failure('请填写问题类型名称');
	try {
		return success(
			await new Repository(userName, 'problemTag').save({
				...tag,
				name: tag.name.trim(),
				updatedBy: userName,
				updatedAt: nowIso()
			})
		);
	} catch (error) {
		return failure(explainFailure(error, '保存问题类型'));
	}
}

/** A supervisor changes a submitted result's problem types or its 典型案例 mark (the inspector does it in the draft). */
export async function retagEvaluation(
	userName: string,
	evaluation: Stored<Evaluation>,
	change: Pick<Evaluation, 'problemTags' | 'typicalCase'>
): Promise<Result<Stored<Evaluation>>> {
	try {
		const { typicalCase: _previous, ...rest } = evaluation;
		return success(
			await new Repository(userName, 'evaluation').save({
				...rest,
				problemTags: change.problemTags ?? [],
				...(change.typicalCase ? { typicalCase: change.typicalCase } : {}),
				updatedAt: nowIso()
			} as Stored<Evaluation>)
		);
	} catch (error) {
		return failure(explainFailure(error, '保存问题类型'));
	}
}

export interface TagSummary {
	rows: TagRow[];
	previous: DateRange;
	fromServer: boolean;
}

const dayAfter = (date: string) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function serverCounts(range: DateRange): Promise<Map<string, number>> {
	const rows = await readServerView<[string, string], number>(
		syncBaseUrl(),
		qaServerDatabase(),
		'problems/tag-days',
		{
			startkey: [range.from],
			endkey: [dayAfter(range.to)],
			group: true
		}
	);
	return countsFromRows(rows);
}

/** How often each type was found in the period, and in the one of the same length before. */
export async function tagSummary(
	userName: string,
	range: DateRange,
	names: ReadonlyMap<string, string>
): Promise<Result<TagSummary>> {
	const previous = previousRange(range);
	try {
		try {
			const [current, before] = await Promise.all([serverCounts(range), serverCounts(previous)]);
			return success({ rows: tagRows(current, before, names), previous, fromServer: true });
		} catch (error) {
			if (!(error instanceof ServerUnreachable)) throw error;
			const evaluations = await new Repository(userName, 'evaluation').all();
			return success({
				rows: tagRows(
					countsFromEvaluations(evaluations, range),
					countsFromEvaluations(evaluations, previous),
					names
				),
				previous,
				fromServer: false
			});
		}
	} catch (error) {
		return failure(explainFailure(error, '统计问题类型'));
	}
}

export interface TaggedCall {
	evaluationId: string;
	recordingId: string;
	agentName: string;
	inspector: string;
	total: number | null;
	submittedAt: string;
}

/** The results of one type in the period, newest first. */
export async function callsWithTag(
	userName: string,
	tag: string,
	range: DateRange
): Promise<Result<TaggedCall[]>> {
	const { start, end } = rangeInstants(range);
	try {
		try {
			const rows = await readServerView<
				[string, string, string],
				Omit<TaggedCall, 'evaluationId' | 'submittedAt'>
			>(syncBaseUrl(), qaServerDatabase(), 'problems/by-tag', {
				startkey: [tag, end],
				endkey: [tag, start],
				descending: true
			});
			return success(
				rows.map((row) => ({ ...row.value, evaluationId: row.key[2], submittedAt: row.key[1] }))
			);
		} catch (error) {
			if (!(error instanceof ServerUnreachable)) throw error;
			const evaluations = await new Repository(userName, 'evaluation').all();
			return success(
				evaluations
					.filter(
						(evaluation) =>
							evaluation.status !== 'draft' &&
							evaluation.submittedAt &&
							evaluation.submittedAt >= start &&
							evaluation.submittedAt < end &&
							tagsOf(evaluation).includes(tag)
					)
					.map((evaluation) => ({
						evaluationId: evaluation._id,
						recordingId: evaluation.recordingId,
						agentName: evaluation.agentName,
						inspector: evaluation.inspector,
						total: evaluation.total ?? null,
						submittedAt: evaluation.submittedAt!
					}))
					.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
			);
		}
	} catch (error) {
		return failure(explainFailure(error, '读取该类问题的通话'));
	}
}

export interface TypicalCase {
	evaluationId: string;
	markedAt: string;
	kind: 'good' | 'bad';
	reason: string;
	recordingId: string;
	agentName: string;
	inspector: string;
	problemTags: string[];
}

/** 典型案例 marked in the period, newest first. */
export async function typicalCases(userName: string, range: DateRange): Promise<Result<TypicalCase[]>> {
	const { start, end } = rangeInstants(range);
	try {
		try {
			const rows = await readServerView<[string, string], Omit<TypicalCase, 'evaluationId' | 'markedAt'>>(
				syncBaseUrl(),
				qaServerDatabase(),
				'problems/typical-cases',
				{ startkey: [end], endkey: [start], descending: true }
			);
			return success(rows.map((row) => ({ ...row.value, evaluationId: row.key[1], markedAt: row.key[0] })));
		} catch (error) {
			if (!(error instanceof ServerUnreachable)) throw error;
			const evaluations = await new Repository(userName, 'evaluation').all();
			return success(
				evaluations
					.flatMap((evaluation) =>
						evaluation.status !== 'draft' &&
						evaluation.typicalCase &&
						evaluation.typicalCase.markedAt >= start &&
						evaluation.typicalCase.markedAt < end
							? [
									{
										evaluationId: evaluation._id,
										markedAt: evaluation.typicalCase.markedAt,
										kind: evaluation.typicalCase.kind,
										reason: evaluation.typicalCase.reason,
										recordingId: evaluation.recordingId,
										agentName: evaluation.agentName,
										inspector: evaluation.inspector,
										problemTags: evaluation.problemTags ?? []
									}
								]
							: []
					)
					.sort((a, b) => b.markedAt.localeCompare(a.markedAt))
			);
		}
	} catch (error) {
		return failure(explainFailure(error, '读取典型案例'));
	}
}
