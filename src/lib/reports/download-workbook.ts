// 导出 Excel from the browser: the report's workbook handed to the browser as a download.
import { reportWorkbook, workbookFileName } from './report-workbook';
import type { QaReport } from './report-types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function downloadReportWorkbook(
	report: QaReport,
	issued?: { by: string; at: string }
): Promise<void> {
	const bytes = await reportWorkbook(report, issued);
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
	Object.assign(document.createElement('a'), { href: url, download: workbookFileName(report) }).click();
	// The download has started from the URL by then; keeping it a while costs nothing.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
