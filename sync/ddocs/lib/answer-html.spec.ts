// The server's answer check accepts what the browser's sanitizer writes and refuses what would run script.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnswerSanitizer } from '../../../src/lib/knowledge/editor/sanitize-html';
import { HOSTILE_ANSWERS } from '../../../tests/fixtures/hostile-answers';

const source = readFileSync(path.join(import.meta.dirname, 'answer-html.js'), 'utf8');
const answerHtmlProblem = vm.runInNewContext(`${source}; answerHtmlProblem`) as (
	html: unknown
) => string | null;

const sanitize = createAnswerSanitizer(
	new JSDOM('').window as unknown as Parameters<typeof createAnswerSanitizer>[0]
);

const demo = JSON.parse(
	readFileSync(path.join(import.meta.dirname, '../../demo/knowledge.json'), 'utf8')
) as { entries: Array<{ _id: string; answerHtml: string }> };

// Trimmed from a Word 2016 clipboard (Windows, Chinese UI): classes, styles, Office tags, bookmarks.
const WORD_PASTE = `<!--StartFragment--><h1><a name="_Toc1"></a><span style='font-family:等线'>社保卡补办<o:p></o:p></span></h1>
<p class=MsoNormal><b><span style='font-family:等线'>办理材料</span></b></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.&nbsp;&nbsp;</span><![endif]>本人身份证</p>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse'><tr>
<td width=138 colspan=2 valign=top style='width:103.7pt'><p class=MsoNormal align=center>项目</p></td>
<td width=138 rowspan=2><p class=MsoNormal><span lang=EN-US>20</span>元</p></td></tr></table>
<p class=MsoNormal>详见<a href="https://rsj.example.gov.cn/"><span lang=EN-US>人社局网站</span></a></p><!--EndFragment-->`;

// What Tiptap's getHTML() gives for the editor's toolbar features, before the sanitizer.
const TIPTAP_OUTPUT =
	'<h2>办理条件</h2><p>本市户籍<strong>年满</strong> <em>18</em> 周岁<br>或持居住证</p>' +
	'<ul><li><p>第一层</p><ol><li><p>第二层</p><ul><li><p>第三层</p></li></ul></li></ol></li></ul>' +
	'<table style="min-width: 75px"><colgroup><col style="min-width: 25px"><col style="min-width: 25px"></colgroup>' +
	'<tbody><tr><th colspan="2" rowspan="1"><p>项目</p></th></tr><tr><td colspan="1" rowspan="1"><p>费用</p></td>' +
	'<td colspan="1" rowspan="1"><p>20 元</p></td></tr></tbody></table>' +
	'<blockquote><p>引用<u>政策</u><s>旧规定</s></p></blockquote><hr>' +
	'<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://www.12345.gov.cn">网站</a></p><p></p>';

const SANITIZER_CORPUS: Array<[string, string]> = [
	...demo.entries.map((entry): [string, string] => [`demo ${entry._id}`, entry.answerHtml]),
	['empty', ''],
	['plain text', '只有文字，没有标签'],
	['text with < > & and quotes', '<p>年龄 < 18 且 收入 > 5000 & 无房；他说"可以"，她说\'不行\'</p>'],
	['character references', '<p>&lt;script&gt; &amp;amp; &nbsp;&#123;&#x4e2d; &copy;</p>'],
	['a no-break space and a tab', '<p>甲\u00a0乙\t丙</p>'],
	[
		'a table with spans',
		'<table><thead><tr><th colspan="3">标准</th></tr></thead><tbody><tr><td rowspan="2">一档</td>' +
			'<td colspan=" 2 ">100</td></tr><tr><td colspan="999">200</td><td rowspan="0">x</td></tr></tbody></table>'
	],
	[
		'nested lists',
		'<ol><li>一<ul><li>甲<ol><li>子</li></ol></li><li>乙</li></ul></li><li>二</li></ol><ul><li>末</li></ul>'
	],
	...[
		'https://a.example/b?c=1&d=<e>"f"',
		'http://a.example',
		'mailto:a@b.example',
		'tel:12345',
		'HTTPS://A.EXAMPLE'
	].map((href): [string, string] => [
		`a link to ${href}`,
		`<p><a href="${href.replace(/"/g, '&quot;')}">链接</a></p>`
	]),
	['a link with surrounding spaces', '<a href="  https://a.example  " title="t">链接</a>'],
	['headings and emphasis', '<h2>二</h2><h3>三</h3><h4>四</h4><p><b>b</b><i>i</i><u>u</u><s>s</s></p>'],
	['block quote and rule', '<blockquote><p>引用</p></blockquote><hr><br>'],
	['a Word paste', WORD_PASTE],
	['Tiptap output', TIPTAP_OUTPUT]
];

describe('what the browser sanitizer produces passes the server check', () => {
	it.each(SANITIZER_CORPUS)('%s', (_name, html) => {
		const sanitized = sanitize(html);
		expect(answerHtmlProblem(sanitized)).toBeNull();
	});

	it('keeps the corpus’s links, spans and references, so the check is not passed by emptiness', () => {
		const sanitized = SANITIZER_CORPUS.map(([, html]) => sanitize(html)).join('');
		for (const kept of [
			'href="mailto:a@b.example" target="_blank" rel="noopener noreferrer"',
			'href="HTTPS://A.EXAMPLE"',
			'colspan="2"',
			'rowspan="2"',
			'&amp;',
			'&lt;',
			'&nbsp;',
			'<hr>',
			'<br>'
		])
			expect(sanitized).toContain(kept);
	});

	it('accepts the demo answers as stored (setup writes them as the server admin)', () => {
		expect(demo.entries.length).toBeGreaterThan(0);
		for (const entry of demo.entries)
			expect([entry._id, answerHtmlProblem(entry.answerHtml)]).toEqual([entry._id, null]);
	});
});

describe('hostile HTML is refused by the server check', () => {
	it.each(HOSTILE_ANSWERS)('%s', (_name, html) => {
		expect(answerHtmlProblem(html)).toMatch(/\S/);
	});

	it('refuses nothing the sanitizer made of the same input', () => {
		for (const [name, html] of HOSTILE_ANSWERS.slice(0, -1))
			expect([name, answerHtmlProblem(sanitize(html))]).toEqual([name, null]);
	});

	it.each([
		['<img src=x onerror=alert(1)>', '不允许的标签 <img>'],
		['<p onclick="x()">正文</p>', '<p> 不允许带属性 onclick'],
		['<a href="javascript:x()">点我</a>', '链接地址只能以 http:、https:、mailto: 或 tel: 开头'],
		['<td rowspan="0">x</td>', '单元格的 rowspan 只能是 1 到 3 位数字'],
		['<!-- x --><p>正文</p>', '不允许的标记「<!-- x --><p>正文</p>」（注释、未加双引号的属性或未转义的 <）']
	])('says in Chinese what is wrong with %s', (html, reason) => {
		expect(answerHtmlProblem(html)).toBe(reason);
	});
});
