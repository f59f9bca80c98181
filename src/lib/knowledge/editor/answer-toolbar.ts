// The answer editor's toolbar: what each button does, when it is pressed and when it can be used.
import type { Editor } from '@tiptap/core';
import { failure, success, type Result } from '$lib/result';

export interface ToolbarAction {
	id: string;
	label: string;
	/** Tooltip: what it does and its shortcut. */
	title: string;
	run: (editor: Editor) => void;
	/** Present for buttons that show a state with aria-pressed. */
	isActive?: (editor: Editor) => boolean;
	isEnabled: (editor: Editor) => boolean;
}

const always = () => true;
const inTable = (editor: Editor) => editor.isActive('table');

export const FORMAT_ACTIONS: ToolbarAction[] = [
	{
		id: 'paragraph',
		label: '正文',
		title: '正文段落（Ctrl+Alt+0）',
		run: (editor) => editor.chain().focus().setParagraph().run(),
		isActive: (editor) => editor.isActive('paragraph'),
		isEnabled: always
	},
	{
		id: 'heading',
		label: '标题',
		title: '标题（Ctrl+Alt+2）',
		run: (editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
		isActive: (editor) => editor.isActive('heading', { level: 2 }),
		isEnabled: always
	},
	{
		id: 'subheading',
		label: '小标题',
		title: '小标题（Ctrl+Alt+3）',
		run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
		isActive: (editor) => editor.isActive('heading', { level: 3 }),
		isEnabled: always
	},
	{
		id: 'bold',
		label: '粗体',
		title: '粗体（Ctrl+B）',
		run: (editor) => editor.chain().focus().toggleBold().run(),
		isActive: (editor) => editor.isActive('bold'),
		isEnabled: always
	},
	{
		id: 'orderedList',
		label: '有序列表',
		title: '有序列表 1. 2. 3.（Ctrl+Shift+7）',
		run: (editor) => editor.chain().focus().toggleOrderedList().run(),
		isActive: (editor) => editor.isActive('orderedList'),
		isEnabled: always
	},
	{
		id: 'bulletList',
		label: '无序列表',
		title: '无序列表 •（Ctrl+Shift+8）',
		run: (editor) => editor.chain().focus().toggleBulletList().run(),
		isActive: (editor) => editor.isActive('bulletList'),
		isEnabled: always
	}
];

export const TABLE_ACTIONS: ToolbarAction[] = [
	{
		id: 'insertTable',
		label: '表格',
		title: '插入 3×3 表格（首行为表头）',
		run: (editor) => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
		isEnabled: (editor) =>
			!inTable(editor) && editor.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true })
	},
	{
		id: 'addRow',
		label: '加行',
		title: '在下方加一行',
		run: (editor) => editor.chain().focus().addRowAfter().run(),
		isEnabled: inTable
	},
	{
		id: 'addColumn',
		label: '加列',
		title: '在右侧加一列',
		run: (editor) => editor.chain().focus().addColumnAfter().run(),
		isEnabled: inTable
	},
	{
		id: 'deleteRow',
		label: '删行',
		title: '删除当前行',
		run: (editor) => editor.chain().focus().deleteRow().run(),
		isEnabled: inTable
	},
	{
		id: 'deleteColumn',
		label: '删列',
		title: '删除当前列',
		run: (editor) => editor.chain().focus().deleteColumn().run(),
		isEnabled: inTable
	},
	{
		id: 'deleteTable',
		label: '删除表格',
		title: '删除整个表格',
		run: (editor) => editor.chain().focus().deleteTable().run(),
		isEnabled: inTable
	}
];

export const HISTORY_ACTIONS: ToolbarAction[] = [
	{
		id: 'undo',
		label: '撤销',
		title: '撤销（Ctrl+Z）',
		run: (editor) => editor.chain().focus().undo().run(),
		isEnabled: (editor) => editor.can().undo()
	},
	{
		id: 'redo',
		label: '重做',
		title: '重做（Ctrl+Shift+Z）',
		run: (editor) => editor.chain().focus().redo().run(),
		isEnabled: (editor) => editor.can().redo()
	}
];

export const LINK_TITLE = '链接（Ctrl+K）：选中文字后填写网址，留空则取消链接';
export const LINK_PROMPT = '链接地址（以 http:// 或 https:// 开头；留空则取消链接）';

/** Sets, replaces or (with an empty address) removes the link at the selection. */
export function applyLink(editor: Editor, address: string): Result<null> {
	const href = address.trim();
	if (!href) {
		editor.chain().focus().extendMarkRange('link').unsetLink().run();
		return success(null);
	}
	if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(href))
		return failure('链接只能是以 http:// 或 https:// 开头的网址，例如 https://www.gov.cn');
	if (editor.state.selection.empty && !editor.isActive('link')) {
		editor
			.chain()
			.focus()
			.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
			.run();
	} else {
		editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
	}
	return success(null);
}

export function currentLink(editor: Editor): string {
	return (editor.getAttributes('link').href as string | undefined) ?? '';
}

export interface ButtonState {
	pressed: boolean | undefined;
	enabled: boolean;
}

/** Every button's state after a transaction: the component renders from this snapshot. */
export function readToolbarState(editor: Editor): Record<string, ButtonState> {
	const state: Record<string, ButtonState> = {};
	for (const action of [...FORMAT_ACTIONS, ...TABLE_ACTIONS, ...HISTORY_ACTIONS]) {
		state[action.id] = { pressed: action.isActive?.(editor), enabled: action.isEnabled(editor) };
	}
	state.link = { pressed: editor.isActive('link'), enabled: true };
	return state;
}
