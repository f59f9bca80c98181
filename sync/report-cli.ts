// `npm run report -- --url http://admin:secret@couch:5984 --period 2026-11 --scope province --out FILE.xlsx
// [--kind qa|knowledge] [--pass 80]`: the QA report (or the knowledge and front-line report) of a period and
// scope, from the server's views, as the report screen exports it (the same queries, figures and workbook),
// for a nightly job. Apache CouchDB, or the embedded server at its
// …/db URL with the server admin's credentials; the URL may also come from COUCHDB_URL.
import { writeFile } from 'node:fs/promises';
import nano from 'nano';
import { KNOWLEDGE_DB, QA_DB } from '../src/lib/db/catalog';
import type {
	Entry,
	SampleDraw,
	CalibrationScore,
	CalibrationSession,
	ProblemTag,
	Profile,
	Scorecard,
	SubPlatform
} from '../src/lib/db/generated/documents';
import { revealedSessionResults } from '../src/lib/qa/calibration/session-results';
import type { Stats, ViewRow } from '../src/lib/reports/qa-figures';
import type { RangeRead } from '../src/lib/reports/qa-queries';
import { buildQaReport, scopeChoices, type ScopeChoice } from '../src/lib/reports/qa-report';
import { parsePeriod } from '../src/lib/reports/report-periods';
import { passMarkOf } from '../src/lib/qa/scorecards/pass-mark';
import { scoredCallsIn, type ScoredRow } from '../src/lib/qa/sampling/scored-calls';
import { reportWorkbook } from '../src/lib/reports/report-workbook';
import { buildKnowledgeReport } from '../src/lib/reports/knowledge-report';
import type { KnowledgeRead } from '../src/lib/reports/knowledge-queries';
import { knowledgeWorkbook } from '../src/lib/reports/knowledge-workbook';
import { viewParameters } from '../src/lib/reports/report-view-read';

const USAGE =
	'用法: npm run report -- --url http://管理员:密码@主机:5984 --period 2026-11 --scope province --out 报表.xlsx [--kind qa|knowledge] [--pass 80]\n' +
	'  --kind    qa（质检报表，默认）| knowledge（知识库与一线报表）\n' +
	'  --period  2026-11-30 | 2026-W48 | 2026-11 | 2026-Q4 | 2026-H2 | 2026 | 2026-11-01..2026-11-15\n' +
	'  --scope   province | sub:province | sub:<分平台代码> | team:<班组> | agent:<工号用户名>';

const argv = process.argv.slice(2);
const option = (name: string) => {
	const index = argv.indexOf(name);
	return index >= 0 ? argv[index + 1] : undefined;
};
function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

const url = option('--url') ?? process.env.COUCHDB_URL;
const out = option('--out');
// Without --pass, the pass mark set on the scorecards (passMarkOf).
const givenPassMark = option('--pass') === undefined ? undefined : Number(option('--pass'));
const period = parsePeriod(option('--period') ?? '');
const kind = option('--kind') ?? 'qa';
if (kind !== 'qa' && kind !== 'knowledge') fail(`没有这种报表：${kind}`);
if (!url || !out) fail('缺少 --url 或 --out');
if (!period) fail(`无法识别的期间：${option('--period') ?? '（未填写）'}`);
if (givenPassMark !== undefined && !(givenPassMark >= 0 && givenPassMark <= 100))
	fail('合格线应在 0–100 之间');

const server = nano({ url, parseUrl: false } as Parameters<typeof nano>[0]);

async function byPrefix<T>(database: string, prefix: string): Promise<T[]> {
	const rows = await server
		.use<T>(database)
		.list({ include_docs: true, startkey: prefix, endkey: `${prefix}\ufff0` });
	return rows.rows.flatMap((row) => (row.doc ? [row.doc as T] : []));
}

async function read(query: RangeRead): Promise<ViewRow<unknown[]>[]> {
	const [ddoc, view] = query.view.split('/') as [string, string];
	const answer = await server.use(QA_DB).view<Stats>(ddoc, view, viewParameters(query));
	return answer.rows as unknown as ViewRow<unknown[]>[];
}

async function knowledgeRead(query: KnowledgeRead): Promise<Array<{ key: unknown; value: unknown }>> {
	const [ddoc, name] = query.view.split('/') as [string, string];
	const answer = await server.use(query.database).view(ddoc, name, viewParameters(query));
	return answer.rows;
}

/** The knowledge and front-line workbook; returns what to print. */
async function writeKnowledge(choice: ScopeChoice, target: string): Promise<string> {
	const report = await buildKnowledgeReport(period!, choice, {
		read: knowledgeRead,
		entries: async (ids) =>
			(await server.use<Entry>(KNOWLEDGE_DB).fetch({ keys: ids })).rows.flatMap((row) =>
				'doc' in row && row.doc ? [row.doc as Entry] : []
			),
		now: new Date().toISOString()
	});
	await writeFile(target, await knowledgeWorkbook(report));
	return `${report.scopeLabel} ${report.period.label}：检索 ${report.current.searches.total} 次，新增知识点 ${report.current.changes.added} 个`;
}

/** The QA workbook; returns what to print. */
async function writeQa(choice: ScopeChoice, profiles: Profile[], target: string): Promise<string> {
	const [scorecards, problemTags, sessions, scores] = await Promise.all([
		byPrefix<Scorecard>(QA_DB, 'scorecard:'),
		byPrefix<ProblemTag>(QA_DB, 'problemTag:'),
		byPrefix<CalibrationSession>(QA_DB, 'calibrationSession:'),
		byPrefix<CalibrationScore>(QA_DB, 'calibrationScore:')
	]);
	const report = await buildQaReport(period!, choice, givenPassMark ?? passMarkOf(scorecards), {
		read,
		scorecards,
		profiles,
		problemTags,
		calibrations: revealedSessionResults(
			sessions,
			scores,
			new Map(scorecards.map((card) => [card._id, card]))
		),
		coverage: {
			async drawsEndingFrom(from) {
				const rows = await server
					.use(QA_DB)
					.view('reports', 'sample-draws', { startkey: [from], endkey: [{}] });
				const ids = rows.rows.map((row) => row.id);
				if (ids.length === 0) return [];
				const docs = await server.use<SampleDraw>(QA_DB).fetch({ keys: ids });
				return docs.rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc as SampleDraw] : []));
			},
			scoredCalls: (draws) =>
				scoredCallsIn(
					draws.map((draw) => draw.period),
					async (start, end) =>
						(
							await server
								.use(QA_DB)
								.view('sampling', 'evaluations-by-call-start', { startkey: [start], endkey: [end] })
						).rows as unknown as ScoredRow[]
				)
		},
		now: new Date().toISOString()
	});
	await writeFile(target, await reportWorkbook(report));
	return `${report.scopeLabel} ${report.period.label}：质检 ${report.current.evaluations} 份，平均分 ${report.current.averageScore?.toFixed(1) ?? '—'}`;
}

try {
	const [profiles, subPlatforms] = await Promise.all([
		byPrefix<Profile>(KNOWLEDGE_DB, 'profile:'),
		byPrefix<SubPlatform>(KNOWLEDGE_DB, 'subPlatform:')
	]);
	const scopeId = option('--scope') ?? 'province';
	const choice = scopeChoices(profiles, subPlatforms).find((candidate) => candidate.id === scopeId);
	if (!choice) fail(`没有这个范围：${scopeId}`);
	const started = performance.now();
	const summary =
		kind === 'knowledge' ? await writeKnowledge(choice, out!) : await writeQa(choice, profiles, out!);
	console.log(`${summary}；已写入 ${out}（${Math.round(performance.now() - started)} ms）`);
} catch (error) {
	console.error(`生成报表失败: ${(error as Error).message}`);
	process.exitCode = 1;
}
