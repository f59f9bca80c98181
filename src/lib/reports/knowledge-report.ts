// A knowledge and front-line report (知识库与一线) from whatever reads the server's views: the browser (its
// session) and `npm run report` (the server admin's URL) build the same report from the same queries.
import { readKnowledgeFigures, type KnowledgeSources } from './knowledge-queries';
import type { ScopeChoice } from './qa-report';
import { previousPeriod, type ReportPeriod } from './report-periods';
import type { KnowledgeReport } from './report-types';

export async function buildKnowledgeReport(
	period: ReportPeriod,
	choice: ScopeChoice,
	sources: KnowledgeSources
): Promise<KnowledgeReport> {
	const previous = previousPeriod(period);
	const [current, before] = await Promise.all([
		readKnowledgeFigures(choice.scope, period, sources),
		readKnowledgeFigures(choice.scope, previous, sources, false)
	]);
	return {
		kind: 'knowledge',
		period,
		previous,
		scope: choice.scope,
		scopeLabel: choice.label,
		computedAt: sources.now,
		current,
		before
	};
}
