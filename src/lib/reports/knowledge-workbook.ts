// A knowledge and front-line report as an Excel workbook: one sheet per table (workbook-parts.ts).
import type { KnowledgeReport } from './report-types';
import { beijingDate } from '$lib/knowledge/exchange/china-time';
import { STATUS_LABELS, TEMPLATE_LABELS } from '$lib/knowledge/labels';
import {
	COUNT,
	DAY,
	fileNameFor,
	newWorkbook,
	overviewSheet,
	PERCENT,
	SCORE,
	tableSheet,
	workbookBytes
} from './workbook-parts';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export async function knowledgeWorkbook(
	report: KnowledgeReport,
	issued?: { by: string; at: string }
): Promise<Uint8Array> {
	const workbook = await newWorkbook();
	workbook.creator = '热线知识与质检工作台';
	workbook.created = new Date(report.computedAt);
	const { current: now, before } = report;
	const feedbackOf = (figures: typeof now, kind: string) =>
		figures.feedback.find((row) => row.kind === kind)!;
	overviewSheet(
		workbook,
		{ ...report, title: '知识库与一线报表' },
		[
			['现行知识点（现状）', now.publishedEntries, null, COUNT],
			['新增知识点', now.changes.added, before.changes.added, COUNT],
			['修改知识点', now.changes.changed, before.changes.changed, COUNT],
			['下线知识点', now.changes.pruned, before.changes.pruned, COUNT],
			['失效知识点', now.changes.expired, before.changes.expired, COUNT],
			['知识库更新及时率', now.timeliness.rate, before.timeliness.rate, PERCENT],
			['检索次数', now.searches.total, before.searches.total, COUNT],
			['无结果率', now.searches.zeroRate, before.searches.zeroRate, PERCENT],
			['打开率（知识库可见的即时答复）', now.searches.openedRate, before.searches.openedRate, PERCENT],
			['查无信息上报率', now.searches.missRate, before.searches.missRate, PERCENT],
			...now.feedback.flatMap((row) => {
				const previous = feedbackOf(before, row.kind);
				return [
					[`${row.label}收到`, row.received, previous.received, COUNT],
					[`${row.label}办结`, row.handled, previous.handled, COUNT],
					[`${row.label}办结用时中位数(分钟)`, row.medianMinutes, previous.medianMinutes, SCORE]
				] as Array<[string, number | null, number | null, string]>;
			})
		],
		issued
	);
	tableSheet(
		workbook,
		'知识点现状',
		[
			{ header: '状态', width: 10 },
			{ header: '条目类型', width: 12 },
			{ header: '数量', width: 10, format: COUNT }
		],
		now.entriesByStatus.map((row) => [
			STATUS_LABELS[row.status as keyof typeof STATUS_LABELS] ?? row.status,
			TEMPLATE_LABELS[row.template as keyof typeof TEMPLATE_LABELS] ?? row.template,
			row.count
		])
	);
	tableSheet(
		workbook,
		'每日',
		[
			{ header: '日期', width: 12, format: DAY },
			{ header: '检索', width: 10, format: COUNT },
			{ header: '无结果', width: 10, format: COUNT },
			{ header: '打开知识点', width: 12, format: COUNT },
			{ header: '新增', width: 8, format: COUNT },
			{ header: '修改', width: 8, format: COUNT },
			{ header: '下线', width: 8, format: COUNT },
			{ header: '失效', width: 8, format: COUNT }
		],
		now.searchesByDay.map((day, index) => {
			const changes = now.changesByDay[index]!;
			return [
				asDate(day.day),
				day.total,
				day.zero,
				day.opened,
				changes.added,
				changes.changed,
				changes.pruned,
				changes.expired
			];
		})
	);
	tableSheet(
		workbook,
		'一线反馈',
		[
			{ header: '类型', width: 12 },
			{ header: '收到', width: 10, format: COUNT },
			{ header: '办结', width: 10, format: COUNT },
			{ header: '办结用时中位数(分钟)', width: 20, format: SCORE }
		],
		now.feedback.map((row) => [row.label, row.received, row.handled, row.medianMinutes])
	);
	tableSheet(
		workbook,
		'未得到答案的检索',
		[
			{ header: '检索词', width: 40 },
			{ header: '次数', width: 10, format: COUNT }
		],
		now.unansweredQueries.map((row) => [row.query, row.count])
	);
	tableSheet(
		workbook,
		'最常打开的知识点',
		[
			{ header: '知识点', width: 48 },
			{ header: '编号', width: 28 },
			{ header: '打开次数', width: 10, format: COUNT }
		],
		now.mostOpened.map((row) => [row.question, row.entryId, row.count])
	);
	tableSheet(
		workbook,
		'期内未被打开',
		[
			{ header: '知识点', width: 48 },
			{ header: '编号', width: 28 },
			{ header: '最近复核', width: 12, format: DAY }
		],
		now.staleUnopened.map((row) => [row.question, row.entryId, asDate(beijingDate(row.reviewedAt))])
	);
	return workbookBytes(workbook);
}

/** 知识库与一线报表-全省-2026-11.xlsx. */
export function knowledgeWorkbookFileName(report: KnowledgeReport): string {
	return fileNameFor('知识库与一线报表', report.scopeLabel, report.period.code);
}
