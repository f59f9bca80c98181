// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { answerEditorExtensions } from './answer-editor-extensions';
import { FORMAT_ACTIONS, HISTORY_ACTIONS, TABLE_ACTIONS, applyLink, currentLink } from './answer-toolbar';
import { sanitizeAnswerHtml } from './sanitize-html';

const editors: Editor[] = [];
function newEditor(content: string): Editor {
	const editor = new Editor({
		element: document.createElement('div'),
		extensions: answerEditorExtensions(),
		content
	});
	editors.push(editor);
	return editor;
}
const action = (id: string) =>
	[...FORMAT_ACTIONS, ...TABLE_ACTIONS, ...HISTORY_ACTIONS].find((each) => each.id === id)!;

afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

describe('answer editor toolbar', () => {
	it('keeps only answer elements when it loads HTML', () => {
		const editor = newEditor('<h1>标题</h1><pre><code>x</code></pre><h4>小节</h4><p><img src="x">正文</p>');
		expect(sanitizeAnswerHtml(editor.getHTML())).toBe('<p>标题</p><p>x</p><h4>小节</h4><p>正文</p>');
	});

	it('inserts a 3×3 table with a header row, then adds and deletes rows and columns', () => {
		const editor = newEditor('<p>正文</p>');
		expect(action('addRow').isEnabled(editor)).toBe(false);
		action('insertTable').run(editor);
		expect(action('insertTable').isEnabled(editor)).toBe(false);
		expect(action('addRow').isEnabled(editor)).toBe(true);
		const shape = () => {
			const table = new DOMParser().parseFromString(editor.getHTML(), 'text/html').querySelector('table')!;
			return [table.rows.length, table.rows[0]!.cells.length, table.rows[0]!.cells[0]!.tagName];
		};
		expect(shape()).toEqual([3, 3, 'TH']);
		action('addRow').run(editor);
		action('addColumn').run(editor);
		expect(shape()).toEqual([4, 4, 'TH']);
		action('deleteColumn').run(editor);
		expect(shape()).toEqual([4, 3, 'TH']);
		action('deleteTable').run(editor);
		expect(editor.getHTML()).not.toContain('<table');
	});

	it('shows which formats are active and undoes them', () => {
		const editor = newEditor('<p>办理材料</p>');
		editor.commands.setTextSelection(2);
		expect(action('undo').isEnabled(editor)).toBe(false);
		action('heading').run(editor);
		expect(action('heading').isActive!(editor)).toBe(true);
		expect(action('paragraph').isActive!(editor)).toBe(false);
		// The editor keeps an empty paragraph after a closing heading or table so that typing can go on there.
		expect(editor.getHTML()).toBe('<h2>办理材料</h2><p></p>');
		action('undo').run(editor);
		expect(editor.getHTML()).toMatch(/^<p>办理材料<\/p>/);
		expect(action('redo').isEnabled(editor)).toBe(true);
	});

	it('links the selection to http and https addresses only', () => {
		const editor = newEditor('<p>办事指南</p>');
		editor.commands.selectAll();
		expect(applyLink(editor, 'javascript:alert(1)')).toEqual({
			ok: false,
			error: expect.stringContaining('http://')
		});
		expect(applyLink(editor, 'ftp://example.gov.cn')).toMatchObject({ ok: false });
		expect(applyLink(editor, ' https://www.gov.cn/zhengce ')).toEqual({ ok: true, value: null });
		expect(currentLink(editor)).toBe('https://www.gov.cn/zhengce');
		expect(sanitizeAnswerHtml(editor.getHTML())).toBe(
			'<p><a href="https://www.gov.cn/zhengce" target="_blank" rel="noopener noreferrer">办事指南</a></p>'
		);
		expect(applyLink(editor, '')).toEqual({ ok: true, value: null });
		expect(editor.getHTML()).toBe('<p>办事指南</p>');
	});

	it('inserts the address itself when nothing is selected', () => {
		const editor = newEditor('<p>详见</p>');
		editor.commands.focus('end');
		applyLink(editor, 'https://www.12345.gov.cn');
		expect(editor.getHTML()).toContain(
			'详见<a target="_blank" rel="noopener noreferrer" href="https://www.12345.gov.cn">https://www.12345.gov.cn</a>'
		);
	});
});
