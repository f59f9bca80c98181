// 知识库与一线 for the screen: read from the province's kb, feedback and searchlog `reports` views (the server
// decides who may), and kept for offline reading.
import { KNOWLEDGE_DB, REPORTS_DB } from '$lib/db/catalog';
import type { Entry } from '$lib/db/generated/documents';
import { readFromServer } from '$lib/db/server-documents';
import { readServerView } from '$lib/db/server-views';
import type { Result } from '$lib/result';
import { syncBaseUrl } from '$lib/session/session.service';
import { nowIso } from '$lib/time';
import { loadCachedReport, type LoadedReport } from './cached-report';
import type { KnowledgeRead } from './knowledge-queries';
import { buildKnowledgeReport } from './knowledge-report';
import { scopeKeys } from './qa-queries';
import type { ScopeChoice } from './qa-report';
import type { ReportPeriod } from './report-periods';
import type { KnowledgeReport } from './report-types';
import { viewParameters } from './report-view-read';

function knowledgeRead(query: KnowledgeRead) {
	return readServerView<unknown, unknown>(syncBaseUrl(), query.database, query.view, viewParameters(query));
}

export function loadKnowledgeReport(
	userName: string,
	period: ReportPeriod,
	choice: ScopeChoice
): Promise<Result<LoadedReport<KnowledgeReport>>> {
	const cacheKey = `report:knowledge:${scopeKeys(choice.scope).join(',')}:${period.code}`;
	return loadCachedReport(userName, REPORTS_DB, cacheKey, () =>
		buildKnowledgeReport(period, choice, {
			read: knowledgeRead,
			entries: (ids) => readFromServer<Entry>(syncBaseUrl(), KNOWLEDGE_DB, ids),
			now: nowIso()
		})
	);
}
