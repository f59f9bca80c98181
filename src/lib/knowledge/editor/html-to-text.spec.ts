// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { answerHtmlToText } from './html-to-text';

describe('answerHtmlToText', () => {
	it.each([
		['empty', '', ''],
		['editor empty paragraph', '<p></p>', ''],
		['paragraphs on their own lines', '<p>第一段</p><p>第二段</p>', '第一段\n第二段'],
		['line breaks', '<p>地址：市民中心<br>电话：12345</p>', '地址：市民中心\n电话：12345'],
		['collapses source whitespace and nbsp', '<p>  办理\n   时间&nbsp;&nbsp;工作日 </p>', '办理 时间 工作日'],
		[
			'inline formatting flows',
			'<p>请携带<strong>身份证</strong>和<em>户口簿</em></p>',
			'请携带身份证和户口簿'
		],
		[
			'headings on their own line after a blank line',
			'<p>说明</p><h3>办理材料</h3><p>身份证</p>',
			'说明\n\n办理材料\n身份证'
		],
		['a leading heading has no blank line', '<h2>办理条件</h2><p>年满16周岁</p>', '办理条件\n年满16周岁'],
		['ordered list', '<ol><li>预约</li><li>取号</li><li>办理</li></ol>', '1. 预约\n2. 取号\n3. 办理'],
		['ordered list with start', '<ol start="4"><li>领证</li></ol>', '4. 领证'],
		['bulleted list', '<ul><li>身份证</li><li>照片</li></ul>', '• 身份证\n• 照片'],
		[
			'list items holding paragraphs',
			'<ul><li><p>身份证</p></li><li><p>照片</p></li></ul>',
			'• 身份证\n• 照片'
		],
		[
			'nested lists are indented',
			'<ol><li>材料<ul><li>身份证</li><li>照片</li></ul></li><li>费用</li></ol>',
			'1. 材料\n   • 身份证\n   • 照片\n2. 费用'
		],
		[
			'table rows as cells joined with |',
			'<table><thead><tr><th>项目</th><th>费用</th></tr></thead><tbody><tr><td><p>补卡</p></td><td>20元</td></tr></tbody></table>',
			'项目 | 费用\n补卡 | 20元'
		],
		[
			'empty table cells keep their place',
			'<table><tr><td>甲</td><td></td><td>丙</td></tr></table>',
			'甲 |  | 丙'
		],
		[
			'link with other words shows its address',
			'<p>详见<a href="https://rsj.example.gov.cn/guide">办事指南</a>。</p>',
			'详见办事指南（https://rsj.example.gov.cn/guide）。'
		],
		[
			'link written as its address',
			'<a href="https://www.12345.gov.cn/">https://www.12345.gov.cn</a>',
			'https://www.12345.gov.cn'
		],
		[
			'link without scheme in its words',
			'<a href="https://www.12345.gov.cn">www.12345.gov.cn</a>',
			'www.12345.gov.cn'
		],
		['phone link', '<a href="tel:12345">拨打热线</a>', '拨打热线（12345）'],
		['phone link written as the number', '<a href="tel:12345">12345</a>', '12345'],
		['mail link', '<a href="mailto:service@example.gov.cn">来信</a>', '来信（service@example.gov.cn）'],
		['no more than one blank line', '<p>甲</p><p></p><p></p><p></p><p>乙</p>', '甲\n\n乙'],
		['repeated line breaks', '<p>甲<br><br><br><br>乙</p>', '甲\n\n乙'],
		['horizontal rule separates', '<p>甲</p><hr><p>乙</p>', '甲\n\n乙'],
		['quote', '<blockquote><p>引用</p></blockquote><p>正文</p>', '引用\n正文'],
		['trimmed', '<p></p><p>  正文  </p><p></p>', '正文'],
		['ignores scripts and styles', '<style>p{}</style><p>正文</p><script>x()</script>', '正文']
	])('%s', (_name, html, expected) => {
		expect(answerHtmlToText(html)).toBe(expected);
	});
});
