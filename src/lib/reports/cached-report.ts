// A report read from the server is kept in this browser with its time: offline, the screen shows the last
// figures it had and says when they are from.
import { cacheFigures, readCachedFigures } from '$lib/db/figure-cache';
import { ServerUnreachable } from '$lib/db/server-views';
import { explainFailure } from '$lib/db/validation';
import { failure, success, type Result } from '$lib/result';

export interface LoadedReport<R> {
	report: R;
	/** Read from this browser's copy of earlier figures: the server could not be reached. */
	cached: boolean;
}

/** Builds the report and keeps it under the key, or, when the server cannot be reached, answers the kept one. */
export async function loadCachedReport<R extends { computedAt: string }>(
	userName: string,
	database: string,
	cacheKey: string,
	build: () => Promise<R>
): Promise<Result<LoadedReport<R>>> {
	try {
		const report = await build();
		await cacheFigures(userName, database, cacheKey, { computedAt: report.computedAt, figures: report });
		return success({ report, cached: false });
	} catch (error) {
		if (error instanceof ServerUnreachable) {
			const cached = await readCachedFigures<R>(userName, database, cacheKey);
			if (cached) return success({ report: cached.figures, cached: true });
			return failure('连不上服务器，本机也没有这份报表的历史数据：联网后再打开');
		}
		return failure(explainFailure(error, '生成报表'));
	}
}
