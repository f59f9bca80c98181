import { describe, expect, it } from 'vitest';
import { composeAnswerHtml, renderSectionValue, renderTemplateSections } from './template-sections';

const SECTIONS = [
	{ key: 'conditions', label: '办理条件' },
	{ key: 'materials', label: '所需材料' },
	{ key: 'fees', label: '收费标准' }
];

describe('renderTemplateSections', () => {
	it('writes each filled section under its label, in the template order', () => {
		const html = renderTemplateSections(SECTIONS, [
			{ key: 'materials', value: '1. 身份证\n2. 照片' },
			{ key: 'conditions', value: '本市户籍' },
			{ key: 'fees', value: '  \n ' }
		]);
		expect(html).toBe(
			'<h3>办理条件</h3><p>本市户籍</p><h3>所需材料</h3><ol><li>身份证</li><li>照片</li></ol>'
		);
	});

	it('skips fields that have no section', () => {
		expect(renderTemplateSections(SECTIONS, [{ key: 'retired', value: '旧字段' }])).toBe('');
	});

	it('escapes labels and values', () => {
		expect(
			renderTemplateSections(
				[{ key: 'note', label: '<b>注意</b>' }],
				[{ key: 'note', value: '<script>alert("x")</script>\n- <img src=x onerror=alert(1)>\n1. a & b' }]
			)
		).toBe(
			'<h3>&lt;b&gt;注意&lt;/b&gt;</h3><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>' +
				'<ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul><ol><li>a &amp; b</li></ol>'
		);
	});
});

describe('renderSectionValue', () => {
	it.each([
		['plain lines', '工作日受理\n节假日不受理', '<p>工作日受理</p><p>节假日不受理</p>'],
		['1. numbers', '1. 预约\n2. 取号', '<ol><li>预约</li><li>取号</li></ol>'],
		['1、 numbers', '1、预约\n2、取号', '<ol><li>预约</li><li>取号</li></ol>'],
		['（1） numbers', '（1）预约\n(2) 取号', '<ol><li>预约</li><li>取号</li></ol>'],
		['dashes and dots', '- 身份证\n• 照片\n·户口簿', '<ul><li>身份证</li><li>照片</li><li>户口簿</li></ul>'],
		['decimals are not numbers', '1.5万元以下免收', '<p>1.5万元以下免收</p>'],
		[
			'mixed runs',
			'材料如下：\n1. 身份证\n2. 照片\n另需：\n- 复印件\n\n- 申请表\n3. 其他',
			'<p>材料如下：</p><ol><li>身份证</li><li>照片</li></ol><p>另需：</p><ul><li>复印件</li><li>申请表</li></ul><ol><li>其他</li></ol>'
		],
		['blank lines and spaces', '\n\n  预约  \r\n\n', '<p>预约</p>']
	])('%s', (_name, value, expected) => {
		expect(renderSectionValue(value)).toBe(expected);
	});
});

describe('composeAnswerHtml', () => {
	it.each([
		[
			'sections then free answer',
			'<h3>办理条件</h3><p>本市户籍</p>',
			'<p>其他说明</p>',
			'<h3>办理条件</h3><p>本市户籍</p><p>其他说明</p>'
		],
		['only sections', '<h3>办理条件</h3><p>本市户籍</p>', '<p></p>', '<h3>办理条件</h3><p>本市户籍</p>'],
		['only free answer', '', '<p>其他说明</p>', '<p>其他说明</p>'],
		['nothing', '', '', '']
	])('%s', (_name, sections, free, expected) => {
		expect(composeAnswerHtml(sections, free)).toBe(expected);
	});
});
