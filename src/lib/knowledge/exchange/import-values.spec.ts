import { describe, expect, it } from 'vitest';
import {
	normalizeQuestion,
	parseImportDate,
	parseTemplate,
	splitKeywords,
	splitSimilarQuestions
} from './import-values';

describe('parseImportDate', () => {
	it.each([
		['2026-01-31', '2026-01-31'],
		['2026/1/31', '2026-01-31'],
		['2026.1.31', '2026-01-31'],
		['2026年1月31日', '2026-01-31'],
		['2026 年 1 月 31 日', '2026-01-31'],
		['２０２６－０１－３１', '2026-01-31'],
		['20260131', '2026-01-31'],
		['2026-01-31 08:00', '2026-01-31'],
		['2024-02-29', '2024-02-29']
	])('%s → %s', (text, date) => {
		expect(parseImportDate(text)).toBe(date);
	});

	it.each(['2026-13-01', '2026-02-30', '2025-02-29', '31/01/2026', '明年', '2026-1', '46053'])(
		'%s is not a date',
		(text) => {
			expect(parseImportDate(text)).toBeNull();
		}
	);
});

describe('normalizeQuestion', () => {
	it('treats full-width letters, spaces, case and a trailing question mark as the same question', () => {
		const forms = ['ＥＴＣ 卡怎么办理？', ' etc  卡怎么办理? ', 'ETC 卡怎么办理', 'ETC　卡怎么办理？？'];
		expect(new Set(forms.map(normalizeQuestion))).toEqual(new Set(['etc 卡怎么办理']));
	});
});

describe('parseTemplate', () => {
	it.each([
		['办事指南', 'serviceGuide'],
		['政策法规', 'policy'],
		['常见问题', 'faq'],
		['案例', 'case'],
		[' faq ', 'faq'],
		['', 'faq'],
		['通知公告', null]
	])('%j → %j', (text, template) => {
		expect(parseTemplate(text)).toBe(template);
	});
});

describe('list cells', () => {
	it('splits similar questions on lines, ；, ; and |', () => {
		expect(splitSimilarQuestions('卡丢了\r\n卡掉了；补卡;挂失| 换卡 \n\n')).toEqual([
			'卡丢了',
			'卡掉了',
			'补卡',
			'挂失',
			'换卡'
		]);
	});

	it('splits keywords on 、，,；; and spaces', () => {
		expect(splitKeywords('社保卡、补办，挂失,医保；社保;卡 丢失')).toEqual([
			'社保卡',
			'补办',
			'挂失',
			'医保',
			'社保',
			'卡',
			'丢失'
		]);
	});
});
