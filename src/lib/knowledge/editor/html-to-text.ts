// Answer HTML as the plain text stored beside it: what search indexes, SMS sends and 复制答案 copies.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD']);
const BLOCKS = new Set(['P', 'DIV', 'BLOCKQUOTE', 'LI', 'SECTION', 'ARTICLE', 'PRE']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export function answerHtmlToText(html: string): string {
	const body = new DOMParser().parseFromString(html, 'text/html').body;
	return tidy(renderLines(body));
}

/** Collects lines; inline text gathers in `current` until a block ends it. */
class LineWriter {
	readonly lines: string[] = [];
	current = '';

	write(text: string): void {
		this.current += text;
	}
	/** <br>: the line ends even when it is empty. */
	breakLine(): void {
		this.lines.push(collapseSpaces(this.current));
		this.current = '';
	}
	endBlock(): void {
		if (collapseSpaces(this.current)) this.lines.push(collapseSpaces(this.current));
		this.current = '';
	}
	blankLine(): void {
		this.endBlock();
		if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
	}
	finish(): string[] {
		this.endBlock();
		return this.lines;
	}
}

function renderLines(parent: Node): string[] {
	const writer = new LineWriter();
	parent.childNodes.forEach((child) => renderNode(child, writer));
	return writer.finish();
}

function renderInline(parent: Node): string {
	return renderLines(parent)
		.filter((line) => line !== '')
		.join(' ');
}

function renderNode(node: Node, writer: LineWriter): void {
	if (node.nodeType === 3) {
		writer.write(node.nodeValue ?? '');
		return;
	}
	if (node.nodeType !== 1) return;
	const element = node as Element;
	const tag = element.tagName;
	if (SKIPPED.has(tag)) return;
	if (tag === 'BR') writer.breakLine();
	else if (tag === 'HR') writer.blankLine();
	else if (tag === 'A') writer.write(linkText(renderInline(element), element.getAttribute('href') ?? ''));
	else if (tag === 'UL' || tag === 'OL') renderList(element, writer);
	else if (tag === 'TABLE') renderTable(element as HTMLTableElement, writer);
	else if (HEADINGS.has(tag)) {
		writer.blankLine();
		element.childNodes.forEach((child) => renderNode(child, writer));
		writer.endBlock();
	} else if (BLOCKS.has(tag)) {
		writer.endBlock();
		const linesBefore = writer.lines.length;
		element.childNodes.forEach((child) => renderNode(child, writer));
		// An empty paragraph is the editor's blank line.
		if (tag === 'P' && writer.lines.length === linesBefore && !collapseSpaces(writer.current))
			writer.lines.push('');
		writer.endBlock();
	} else element.childNodes.forEach((child) => renderNode(child, writer));
}

function renderList(list: Element, writer: LineWriter): void {
	writer.endBlock();
	let number = Number(list.getAttribute('start')) || 1;
	for (const item of Array.from(list.children)) {
		if (item.tagName !== 'LI') continue;
		const marker = list.tagName === 'OL' ? `${number++}.` : '•';
		const indent = ' '.repeat(marker.length + 1);
		const lines = renderLines(item).filter((line) => line !== '');
		lines.forEach((line, index) => writer.lines.push(index === 0 ? `${marker} ${line}` : `${indent}${line}`));
		if (lines.length === 0) writer.lines.push(marker);
	}
}

function renderTable(table: HTMLTableElement, writer: LineWriter): void {
	writer.endBlock();
	for (const row of Array.from(table.rows)) {
		const cells = Array.from(row.cells, (cell) => renderInline(cell));
		if (cells.some((cell) => cell !== '')) writer.lines.push(cells.join(' | '));
	}
}

/** 「办事指南（https://…）」 when the words are not the address itself. */
function linkText(text: string, href: string): string {
	const address = href.trim().replace(/^(?:mailto|tel):/i, '');
	if (!address) return text;
	if (!text.trim()) return address;
	const comparable = (value: string) =>
		value
			.trim()
			.replace(/^https?:\/\//i, '')
			.replace(/\/$/, '')
			.toLowerCase();
	return comparable(text) === comparable(address) ? text : `${text}（${address}）`;
}

function collapseSpaces(text: string): string {
	return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** No blank line at either end, never two in a row. */
function tidy(lines: string[]): string {
	const result: string[] = [];
	for (const line of lines) {
		if (line === '' && (result.length === 0 || result.at(-1) === '')) continue;
		result.push(line);
	}
	while (result.at(-1) === '') result.pop();
	return result.join('\n');
}
