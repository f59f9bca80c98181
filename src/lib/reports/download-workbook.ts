// 导出 Excel from the browser: the report's workbook handed to the browser as a download.
import { knowledgeWorkbook, knowledgeWorkbookFileName } from './knowledge-workbook';
import { reportWorkbook, workbookFileName } from './report-workbook';
import { isKnowledgeReport, type AnyReport } from './report-types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function downloadReportWorkbook(
	report: AnyReport,
	issued?: { by: string; at: string }
): Promise<void> {
	const [bytes, name] = isKnowledgeReport(report)
		? [await knowledgeWorkbook(report, issued), knowledgeWorkbookFileName(report)]
		: [await reportWorkbook(report, issued), workbookFileName(report)];
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
	Object.assign(document.createElement('a'), { href: url, download: name }).click();
	// The download has started from the URL by then; keeping it a while costs nothing.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
