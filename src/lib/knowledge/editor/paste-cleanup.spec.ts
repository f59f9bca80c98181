// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste-cleanup';

// Trimmed from what Word 2016 (Windows, Chinese UI) puts on the clipboard as text/html.
const WORD_HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/wang/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Normal</w:View>
  <w:Zoom>0</w:Zoom>
  <w:DocumentKind>DocumentNotSpecified</w:DocumentKind>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:等线;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:等线;}
p.MsoListParagraph
	{mso-style-priority:34;
	text-indent:21.0pt;}
@list l0
	{mso-list-id:1093166232;
	mso-list-type:hybrid;}
@list l0:level1
	{mso-level-text:"%1\\.";
	mso-level-tab-stop:none;}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable
	{mso-style-name:普通表格;}
</style>
<![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word;text-justify-trim:punctuation'>
<!--StartFragment-->`;
const WORD_TAIL = `<!--EndFragment-->
</body>
</html>`;

const WORD_LISTS = `${WORD_HEAD}
<h1><a name="_Toc1"></a><span style='font-family:等线'>社保卡补办<span lang=EN-US><o:p></o:p></span></span></h1>

<p class=MsoNormal><b><span style='font-family:等线;mso-ascii-theme-font:minor-fareast'>办理材料</span></b><span
lang=EN-US><o:p></o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='mso-bidi-font-family:等线;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:等线'>本人有效身份证件原件</span><span
lang=EN-US><o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:39.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=EN-US style='font-family:Wingdings;mso-fareast-font-family:Wingdings;mso-bidi-font-family:
Wingdings'><span style='mso-list:Ignore'>Ø<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span><![endif]><span style='font-family:等线'>外地户籍另带居住证</span></p>

<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='mso-bidi-font-family:等线'><span style='mso-list:Ignore'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:等线'>近期免冠<b>彩色</b>照片一张</span></p>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><!--[endif]--><span style='font-family:等线'>可在</span><a
href="https://rsj.example.gov.cn/"><span lang=EN-US>人社局网站</span></a><span style='font-family:等线'>预约</span></p>

<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span
lang=EN-US style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span></span><!--[endif]--><span style='font-family:等线'>也可拨打<span lang=EN-US>12345</span>咨询</span></p>
${WORD_TAIL}`;

const WORD_TABLE = `${WORD_HEAD}
<div class=WordSection1>
<p class=MsoNormal><span style='font-family:等线'>收费标准如下：</span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:等线'>项目</span></b></p>
  </td>
  <td width=277 colspan=2 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;border-left:none'>
  <p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:等线'>费用</span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=138 rowspan=2 valign=top style='width:103.7pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span style='font-family:等线'>补卡</span></p>
  </td>
  <td width=138 valign=top style='width:103.7pt'>
  <p class=MsoNormal><span style='font-family:等线'>工本费</span></p>
  </td>
  <td width=138 valign=top style='width:103.7pt'>
  <p class=MsoNormal><span lang=EN-US>20</span><span style='font-family:等线'>元</span></p>
  </td>
 </tr>
</table>
</div>
${WORD_TAIL}`;

// Trimmed from what WPS Office (Windows) puts on the clipboard: note the double spaces, 10.5000pt sizes,
// <font face> inside spans and the mso-list:Ignore; spans without font-size reset spans.
const WPS_HEAD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type  content="text/html; charset=utf-8" ><meta name=ProgId  content=Word.Document ><meta name=Generator  content="Microsoft Word 14" ><meta name=Originator  content="Microsoft Word 14" ><title></title><!--[if gte mso 9]><xml><w:WordDocument><w:BrowserLevel>MicrosoftInternetExplorer4</w:BrowserLevel><w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery><w:DisplayVerticalDrawingGridEvery>2</w:DisplayVerticalDrawingGridEvery><w:DocumentKind>DocumentNotSpecified</w:DocumentKind><w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing></w:WordDocument></xml><![endif]--><!--[if gte mso 9]><xml><w:LatentStyles DefLockedState="false"  DefUnhideWhenUsed="true"  DefSemiHidden="true"  DefQFormat="false"  DefPriority="99"  LatentStyleCount="260" >
<w:LsdException Locked="false"  Priority="0"  SemiHidden="false"  UnhideWhenUsed="false"  QFormat="true"  Name="Normal" ></w:LsdException>
<w:LsdException Locked="false"  Priority="9"  SemiHidden="false"  UnhideWhenUsed="false"  QFormat="true"  Name="heading 1" ></w:LsdException>
</w:LatentStyles></xml><![endif]--><style>
@font-face{
font-family:"Times New Roman";
}

@font-face{
font-family:"宋体";
}

@list l0:level1{
mso-level-number-format:decimal;
mso-level-suffix:tab;
mso-level-text:"%1.";
mso-level-tab-stop:none;
mso-level-number-position:left;
margin-left:18.0000pt;text-indent:-18.0000pt;font-family:'Times New Roman';}

p.MsoNormal{
mso-style-name:正文;
mso-style-parent:"";
margin:0pt;
margin-bottom:.0001pt;
mso-pagination:none;
text-align:justify;
text-justify:inter-ideograph;
font-family:Calibri;
mso-fareast-font-family:宋体;
font-size:10.5000pt;
}
</style></head><body style="tab-interval:21pt;text-justify-trim:punctuation;" ><!--StartFragment-->`;
const WPS_TAIL = `<!--EndFragment--></body></html>`;

const WPS_LISTS = `${WPS_HEAD}<h1 style="margin-top:17.0000pt;margin-bottom:16.5000pt;mso-para-margin-top:0.0000gd;page-break-after:avoid;mso-pagination:lines-together;text-align:justify;text-justify:inter-ideograph;line-height:240%;mso-outline-level:1;" ><b><span style="mso-spacerun:'yes';font-family:宋体;font-weight:bold;font-size:22.0000pt;mso-font-kerning:22.0000pt;" ><font face="宋体" >公积金提取</font></span></b><b><span style="mso-spacerun:'yes';font-family:宋体;font-weight:bold;font-size:22.0000pt;mso-font-kerning:22.0000pt;" ><o:p></o:p></span></b></h1><p class=MsoNormal ><span style="mso-spacerun:'yes';font-family:宋体;font-weight:bold;font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><font face="宋体" >提取条件</font></span><span style="mso-spacerun:'yes';font-family:宋体;font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><o:p></o:p></span></p><p class=MsoNormal  style="margin-left:18.0000pt;text-indent:-18.0000pt;mso-list:l0 level1 lfo1;" ><![if !supportLists]><span style="font-family:宋体;mso-bidi-font-family:'Times New Roman';font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><span style='mso-list:Ignore;' >1.&#9;</span></span><![endif]><span style="mso-spacerun:'yes';font-family:宋体;font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><font face="宋体" >购买自住住房</font></span><span style="mso-spacerun:'yes';font-family:宋体;font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><o:p></o:p></span></p><p class=MsoNormal  style="margin-left:18.0000pt;text-indent:-18.0000pt;mso-list:l0 level1 lfo1;" ><![if !supportLists]><span style="font-family:宋体;mso-bidi-font-family:'Times New Roman';font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><span style='mso-list:Ignore;' >2.&#9;</span></span><![endif]><span style="mso-spacerun:'yes';font-family:宋体;font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><font face="宋体" >离休、退休</font></span></p><p class=MsoNormal  style="margin-left:18.0000pt;text-indent:-18.0000pt;mso-list:l1 level1 lfo2;" ><![if !supportLists]><span style="font-family:Wingdings;mso-bidi-font-family:'Times New Roman';font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><span style='mso-list:Ignore;' >&#61548;&nbsp;</span></span><![endif]><span style="mso-spacerun:'yes';font-family:宋体;font-size:10.5000pt;mso-font-kerning:1.0000pt;" ><font face="宋体" >提取后账户余额不得低于</font><font face="Calibri" >10</font><font face="宋体" >元</font></span></p>${WPS_TAIL}`;

// Some WPS versions leave the number as plain text, with only the mso-list style to say it is a list.
const WPS_PLAIN_MARKERS = `${WPS_HEAD}<p class=MsoNormal  style="margin-left:0pt;text-indent:0pt;mso-list:l2 level1 lfo3;" ><span style="font-family:宋体;font-size:10.5000pt;" ><font face="宋体" >（1）携带身份证</font></span></p><p class=MsoNormal  style="margin-left:0pt;text-indent:0pt;mso-list:l2 level1 lfo3;" ><span style="font-family:宋体;font-size:10.5000pt;" ><font face="宋体" >（2）填写申请表</font></span></p>${WPS_TAIL}`;

describe('cleanPastedHtml', () => {
	it('turns a Word document with numbered, nested and bulleted lists into clean HTML', () => {
		expect(cleanPastedHtml(WORD_LISTS)).toBe(
			'<h2>社保卡补办</h2><p><b>办理材料</b></p>' +
				'<ol><li>本人有效身份证件原件<ul><li>外地户籍另带居住证</li></ul></li><li>近期免冠<b>彩色</b>照片一张</li></ol>' +
				'<ul><li>可在<a href="https://rsj.example.gov.cn/" target="_blank" rel="noopener noreferrer">人社局网站</a>预约</li>' +
				'<li>也可拨打12345咨询</li></ul>'
		);
	});

	it('keeps a Word table with its merged cells and drops its styling', () => {
		expect(cleanPastedHtml(WORD_TABLE)).toBe(
			'<p>收费标准如下：</p><table><tbody>' +
				'<tr><td><p><b>项目</b></p></td><td colspan="2"><p><b>费用</b></p></td></tr>' +
				'<tr><td rowspan="2"><p>补卡</p></td><td><p>工本费</p></td><td><p>20元</p></td></tr>' +
				'</tbody></table>'
		);
	});

	it('turns a WPS document into a heading, bold text and separate numbered and bulleted lists', () => {
		const html = cleanPastedHtml(WPS_LISTS);
		expect(html).toBe(
			'<h2>公积金提取</h2><p><strong>提取条件</strong></p>' +
				'<ol><li>购买自住住房</li><li>离休、退休</li></ol><ul><li>提取后账户余额不得低于10元</li></ul>'
		);
	});

	it('reads WPS list numbers written as plain text', () => {
		expect(cleanPastedHtml(WPS_PLAIN_MARKERS)).toBe('<ol><li>携带身份证</li><li>填写申请表</li></ol>');
	});

	it.each([
		['(a)', 'ol'],
		['一、', 'ol'],
		['①', 'ol'],
		['iv.', 'ol'],
		['§', 'ul'],
		['o', 'ul'],
		['•', 'ul'],
		['\uf0a7', 'ul']
	])('reads the marker %s as %s', (marker, listTag) => {
		const html = `<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>${marker}&nbsp;</span>条目</p>`;
		expect(cleanPastedHtml(html)).toBe(`<${listTag}><li>条目</li></${listTag}>`);
	});

	it('keeps paragraphs that merely have the list-paragraph class', () => {
		expect(cleanPastedHtml("<p class=MsoListParagraph style='margin-left:21pt'>缩进的正文</p>")).toBe(
			'<p>缩进的正文</p>'
		);
	});

	it('renames headings to the answer levels and unwraps Google Docs bold wrappers', () => {
		expect(
			cleanPastedHtml(
				'<b style="font-weight:normal;" id="docs-internal-guid-1"><h1>一级</h1><h5>五级</h5><p class=MsoTitle>标题</p><div>网页段落</div></b>'
			)
		).toBe('<h2>一级</h2><h4>五级</h4><h2>标题</h2><p>网页段落</p>');
	});

	it('sanitizes what is left', () => {
		expect(
			cleanPastedHtml(
				'<p onclick="x()">正文<img src=x onerror="alert(1)"><a href="javascript:x()">链接</a></p>'
			)
		).toBe('<p>正文链接</p>');
	});
});
