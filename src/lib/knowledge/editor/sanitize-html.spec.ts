// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnswerSanitizer, sanitizeAnswerHtml } from './sanitize-html';

describe('sanitizeAnswerHtml', () => {
	it.each([
		['script', '<p>办理</p><script>alert(1)</script>', '<p>办理</p>'],
		['event handler', '<p onclick="alert(1)">办理</p>', '<p>办理</p>'],
		['image with onerror', '<p>材料<img src="x" onerror="alert(1)"></p>', '<p>材料</p>'],
		['iframe', '<iframe src="https://evil.example"></iframe><p>正文</p>', '<p>正文</p>'],
		['style element', '<style>p{color:red}</style><p>正文</p>', '<p>正文</p>'],
		['style and class attributes', '<p class="MsoNormal" style="color:red" id="x">正文</p>', '<p>正文</p>'],
		[
			'span and font unwrapped',
			'<p><span style="font-size:12pt"><font face="宋体">正文</font></span></p>',
			'<p>正文</p>'
		],
		['h1 and div unwrapped', '<div><h1>标题</h1></div>', '标题'],
		['javascript: link', '<a href="javascript:alert(1)">点我</a>', '点我'],
		['obfuscated javascript: link', '<a href="java&#x09;script:alert(1)">点我</a>', '点我'],
		['data: link', '<a href="data:text/html,<script>alert(1)</script>">点我</a>', '点我'],
		['relative link', '<a href="/kb/1">条目</a>', '条目'],
		['href on other elements', '<p href="https://a.example">正文</p>', '<p>正文</p>'],
		['colspan outside cells', '<p colspan="2">正文</p>', '<p>正文</p>'],
		[
			'form controls',
			'<form action="https://evil.example"><input name="a"><button>提交</button></form>',
			'提交'
		],
		['svg', '<svg><script>alert(1)</script><a href="https://a.example">x</a></svg>正文', '正文'],
		['comments', '<!-- 批注 --><p>正文</p>', '<p>正文</p>']
	])('removes %s', (_name, input, expected) => {
		expect(sanitizeAnswerHtml(input)).toBe(expected);
	});

	it('keeps headings, emphasis, lists, quotes and rules', () => {
		const html =
			'<h2>办理条件</h2><h3>材料</h3><h4>注意</h4><p><strong>身份证</strong><b>原件</b><em>及</em><i>复印件</i><u>一份</u><s>两份</s><br>第二行</p>' +
			'<ol><li>第一步</li><li>第二步<ul><li>细则</li></ul></li></ol><blockquote><p>引用</p></blockquote><hr>';
		expect(sanitizeAnswerHtml(html)).toBe(html);
	});

	it('keeps tables with merged cells and drops other cell attributes', () => {
		const html =
			'<table border="1" style="width:100%"><thead><tr><th colspan="2" style="x">项目</th></tr></thead>' +
			'<tbody><tr><td rowspan="2" width="100" class="c">社保</td><td>个人</td></tr><tr><td colspan="abc">单位</td></tr></tbody></table>';
		expect(sanitizeAnswerHtml(html)).toBe(
			'<table><thead><tr><th colspan="2">项目</th></tr></thead>' +
				'<tbody><tr><td rowspan="2">社保</td><td>个人</td></tr><tr><td>单位</td></tr></tbody></table>'
		);
	});

	it.each([
		[
			'https://www.12345.gov.cn/a?b=1',
			'<a href="https://www.12345.gov.cn/a?b=1" target="_blank" rel="noopener noreferrer">网站</a>'
		],
		[
			'http://rsj.example.gov.cn',
			'<a href="http://rsj.example.gov.cn" target="_blank" rel="noopener noreferrer">网站</a>'
		],
		[
			'mailto:service@example.gov.cn',
			'<a href="mailto:service@example.gov.cn" target="_blank" rel="noopener noreferrer">网站</a>'
		],
		['tel:12345', '<a href="tel:12345" target="_blank" rel="noopener noreferrer">网站</a>']
	])('keeps the safe link %s and opens it in a new tab', (href, expected) => {
		expect(
			sanitizeAnswerHtml(`<a href="${href}" target="_self" rel="opener" title="t" onclick="x()">网站</a>`)
		).toBe(expected);
	});

	it('unwraps Word bookmarks', () => {
		expect(sanitizeAnswerHtml('<p><a name="_Toc1"></a>正文</p>')).toBe('<p>正文</p>');
	});

	it('works with an explicitly given window', () => {
		const { window } = new JSDOM('');
		const sanitize = createAnswerSanitizer(window as unknown as Parameters<typeof createAnswerSanitizer>[0]);
		expect(sanitize('<p onmouseover="x()">正文<script>x()</script></p>')).toBe('<p>正文</p>');
	});
});
