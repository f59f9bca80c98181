// The metadata sheet of a recording batch (xlsx or CSV from the call-centre platform): columns found by
// their Chinese headers, values read as the platforms write them. China time unless an offset is given.
import { normalizeHeader } from '$lib/knowledge/exchange/import-fields';

export const SHEET_FIELDS = [
	'callId',
	'employeeNumber',
	'agentDisplayName',
	'startedAt',
	'duration',
	'direction',
	'businessType',
	'handlingResult',
	'ticketId',
	'callerNumber',
	'audioFile',
	'hotline',
	'complaint',
	'callbackSatisfaction'
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

export const SHEET_FIELD_LABELS: Record<SheetField, string> = {
	callId: '通话编号',
	employeeNumber: '坐席工号',
	agentDisplayName: '坐席姓名',
	startedAt: '开始时间',
	duration: '时长',
	direction: '呼叫类型',
	businessType: '业务类型',
	handlingResult: '处理结果',
	ticketId: '工单号',
	callerNumber: '来电号码',
	audioFile: '录音文件',
	hotline: '热线',
	complaint: '投诉',
	callbackSatisfaction: '回访满意度'
};

const ALIASES: Record<SheetField, string[]> = {
	callId: ['通话编号', '通话id', '流水号', '录音编号', '呼叫编号', 'callid'],
	employeeNumber: ['坐席工号', '工号', '话务员工号', 'agentid'],
	agentDisplayName: ['坐席姓名', '坐席', '话务员', '话务员姓名', 'agentname'],
	startedAt: ['开始时间', '来电时间', '通话时间', '呼叫时间', 'starttime'],
	duration: ['时长', '通话时长', '录音时长', 'duration'],
	direction: ['呼叫类型', '呼叫方向', '类型', 'direction'],
	businessType: ['业务类型', '业务种类', 'businesstype'],
	handlingResult: ['处理结果', '办理结果', 'result'],
	ticketId: ['工单号', '工单编号', 'ticketid'],
	callerNumber: ['来电号码', '主叫号码', '号码', 'callernumber'],
	audioFile: ['录音文件', '文件名', '录音文件名', 'file'],
	hotline: ['热线', '热线号码', 'hotline'],
	complaint: ['投诉', '是否投诉', '有无投诉', 'complaint'],
	callbackSatisfaction: ['回访满意度', '回访结果', '满意度', 'satisfaction']
};

export type SheetColumns = Record<SheetField, number | null>;

export function findSheetColumns(headers: string[]): SheetColumns {
	const normalized = headers.map(normalizeHeader);
	return Object.fromEntries(
		SHEET_FIELDS.map((field) => {
			const index = normalized.findIndex((header) => ALIASES[field].includes(header));
			return [field, index >= 0 ? index : null];
		})
	) as SheetColumns;
}

export type SheetRow = { row: number } & Record<SheetField, string>;

/** Data rows (after the header) as trimmed text by field; wholly empty rows are skipped. */
export function sheetRows(rows: string[][]): { columns: SheetColumns; rows: SheetRow[] } {
	const columns = findSheetColumns(rows[0] ?? []);
	const data: SheetRow[] = [];
	rows.slice(1).forEach((cells, index) => {
		if (cells.every((cell) => !cell?.trim())) return;
		const row = { row: index + 2 } as SheetRow;
		for (const field of SHEET_FIELDS) {
			const column = columns[field];
			row[field] = column === null ? '' : (cells[column] ?? '').normalize('NFKC').trim();
		}
		data.push(row);
	});
	return { columns, rows: data };
}

const DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** An instant as UTC ISO; a time without an offset is China time (UTC+8), as every platform here writes. */
export function parseCallTime(text: string): string | null {
	if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && text.includes('T')) {
		const date = new Date(text);
		return Number.isNaN(date.getTime()) ? null : date.toISOString();
	}
	const match = DATE_TIME.exec(text);
	if (!match) return null;
	const [year, month, day, hour = '0', minute = '0', second = '0'] = match
		.slice(1)
		.map((part) => part ?? '0');
	const utc = Date.UTC(+year!, +month! - 1, +day!, +hour - 8, +minute, +second);
	const check = new Date(utc + 8 * 3600_000);
	if (check.getUTCMonth() !== +month! - 1 || check.getUTCDate() !== +day! || +hour > 23 || +minute > 59)
		return null;
	return new Date(utc).toISOString();
}

/** 205, 205.5, 00:03:25, 3:25, 3分25秒, 1小时2分 → seconds. */
export function parseDuration(text: string): number | null {
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(text);
	if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
	const words = /^(?:(\d+)(?:小时|时))?(?:(\d+)分(?:钟)?)?(?:(\d+(?:\.\d+)?)秒)?$/.exec(text);
	if (words && (words[1] || words[2] || words[3]))
		return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
	return null;
}

const DIRECTIONS: Record<string, 'inbound' | 'outbound' | 'callback'> = {
	呼入: 'inbound',
	来电: 'inbound',
	inbound: 'inbound',
	呼出: 'outbound',
	去电: 'outbound',
	outbound: 'outbound',
	回访: 'callback',
	callback: 'callback'
};

export function parseDirection(text: string): 'inbound' | 'outbound' | 'callback' | null {
	return DIRECTIONS[text.toLowerCase()] ?? null;
}

const YES_NO: Record<string, boolean> = {
	是: true,
	有: true,
	y: true,
	yes: true,
	'1': true,
	否: false,
	无: false,
	n: false,
	no: false,
	'0': false
};

/** 投诉: 是/否 (有/无, 1/0). */
export function parseYesNo(text: string): boolean | null {
	return YES_NO[text.toLowerCase()] ?? null;
}

const SATISFACTION: Record<string, 'satisfied' | 'neutral' | 'unsatisfied'> = {
	满意: 'satisfied',
	非常满意: 'satisfied',
	基本满意: 'neutral',
	一般: 'neutral',
	不满意: 'unsatisfied',
	非常不满意: 'unsatisfied'
};

/** 回访满意度 as the platforms write it: 满意 / 基本满意 / 不满意. */
export function parseSatisfaction(text: string): 'satisfied' | 'neutral' | 'unsatisfied' | null {
	return SATISFACTION[text] ?? null;
}

export function parseCallerNumber(text: string): string | null {
	const cleaned = text.replace(/[^\d+-]/g, '');
	return /^[0-9+-]{3,20}$/.test(cleaned) ? cleaned : null;
}
