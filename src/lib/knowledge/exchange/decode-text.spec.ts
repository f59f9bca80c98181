import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { decodeTextFile } from './decode-text';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/import/${name}`, import.meta.url)));

const EXPECTED_ROWS = [
	['标准问题', '业务分类', '条目类型', '答案'],
	[
		'社保卡丢失了怎么补办？',
		'社会保障/社保卡/补办',
		'办事指南',
		'携带身份证到社保经办窗口办理，\n当场制卡。'
	],
	['公积金怎么提取？', '公积金/提取', '常见问题', '登录公积金网上营业厅申请。']
];

describe('decodeTextFile', () => {
	it('recognizes GBK as Excel on Chinese Windows saves CSV', () => {
		const decoded = decodeTextFile(fixture('gbk.csv'));
		expect(decoded.encoding).toBe('GB18030');
		expect(parseCsv(decoded.text)).toEqual(EXPECTED_ROWS);
	});

	it('strips the byte-order mark of "CSV UTF-8"', () => {
		const decoded = decodeTextFile(fixture('utf8-bom.csv'));
		expect(decoded.encoding).toBe('UTF-8');
		expect(decoded.text.startsWith('标准问题')).toBe(true);
		expect(parseCsv(decoded.text)).toEqual(EXPECTED_ROWS);
	});

	it('reads Excel\'s "Unicode 文本" (UTF-16LE, tab-separated)', () => {
		const decoded = decodeTextFile(fixture('utf16-excel-unicode.txt'));
		expect(decoded.encoding).toBe('UTF-16LE');
		expect(parseCsv(decoded.text)).toEqual(EXPECTED_ROWS);
	});

	it('reads UTF-8 without a byte-order mark', () => {
		const decoded = decodeTextFile(new TextEncoder().encode('问题,答案\n“引号”,—'));
		expect(decoded).toEqual({ text: '问题,答案\n“引号”,—', encoding: 'UTF-8' });
	});

	it('does not take GBK bytes that happen to be short for UTF-8', () => {
		// "中文" in GBK: D6 D0 CE C4, not valid UTF-8.
		expect(decodeTextFile(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({
			text: '中文',
			encoding: 'GB18030'
		});
	});
});
