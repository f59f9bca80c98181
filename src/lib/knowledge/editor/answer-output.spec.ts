// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { answerFromEditorHtml } from './answer-output';

describe('answerFromEditorHtml', () => {
	it.each([
		['an empty editor', '<p></p>', { html: '', text: '' }],
		['a trailing placeholder', '<h2>办理材料</h2><p></p>', { html: '<h2>办理材料</h2>', text: '办理材料' }],
		[
			'blank lines inside the answer stay',
			'<p></p><p>甲</p><p></p><p>乙</p><p><br></p>',
			{ html: '<p>甲</p><p></p><p>乙</p>', text: '甲\n\n乙' }
		],
		[
			'a table with the editor column widths',
			'<table style="min-width: 75px"><colgroup><col style="min-width: 25px"></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>项目</p></th></tr></tbody></table><p></p>',
			{
				html: '<table><tbody><tr><th colspan="1" rowspan="1"><p>项目</p></th></tr></tbody></table>',
				text: '项目'
			}
		]
	])('%s', (_name, editorHtml, expected) => {
		expect(answerFromEditorHtml(editorHtml)).toEqual(expected);
	});
});
