// What Word and WPS put on the clipboard, reduced to the answer's few elements before the editor sees it.
import { convertOfficeLists } from './office-lists';
import { sanitizeAnswerHtml } from './sanitize-html';

// <!--[if gte mso 9]><xml>…</xml><![endif]--> hides its content; <!--[if !supportLists]--> does not.
const HIDDEN_CONDITIONAL_COMMENT = /<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi;
const DROPPED = 'style, meta, link, title, script, xml, template, object, embed';
const BLOCK_CHILD = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, li, table, blockquote, hr, pre';
const BLOCK_TAGS = new Set([
	'P',
	'H2',
	'H3',
	'H4',
	'UL',
	'OL',
	'LI',
	'TABLE',
	'THEAD',
	'TBODY',
	'TR',
	'TD',
	'TH',
	'BLOCKQUOTE',
	'HR'
]);
const BLOCK_CONTAINERS = new Set(['BODY', 'UL', 'OL', 'TABLE', 'THEAD', 'TBODY', 'TR']);
const BOLD_WEIGHT = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i;
const NORMAL_WEIGHT = /font-weight\s*:\s*(?:normal|[1-4]00)\b/i;

export function cleanPastedHtml(html: string): string {
	const document = new DOMParser().parseFromString(html.replace(HIDDEN_CONDITIONAL_COMMENT, ''), 'text/html');
	const body = document.body;
	body.querySelectorAll(DROPPED).forEach((element) => element.remove());
	removeOfficeNamespacedElements(body);
	convertOfficeLists(body);
	removeComments(body);
	renameHeadings(body);
	keepBoldFromStyles(body);
	body.querySelectorAll('span, font').forEach(unwrap);
	divsToParagraphs(body);
	removeEmptyParagraphs(body);
	removeEmptyFormatting(body);
	removeSpaceBetweenBlocks(body);
	return sanitizeAnswerHtml(body.innerHTML);
}

/** <o:p>, <w:…>, <v:shape>: Office's own markup, never content we keep. */
function removeOfficeNamespacedElements(root: HTMLElement): void {
	for (const element of Array.from(root.querySelectorAll('*'))) {
		if (element.tagName.includes(':')) element.remove();
	}
}

function removeComments(root: HTMLElement): void {
	const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
	const comments: Node[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
	comments.forEach((comment) => comment.parentNode?.removeChild(comment));
}

/** The answer has h2–h4 only: the entry's question is the page's title. */
function renameHeadings(root: HTMLElement): void {
	root.querySelectorAll('h1, p.MsoTitle').forEach((element) => rename(element, 'h2'));
	root.querySelectorAll('p.MsoSubtitle').forEach((element) => rename(element, 'h3'));
	root.querySelectorAll('h5, h6').forEach((element) => rename(element, 'h4'));
}

function keepBoldFromStyles(root: HTMLElement): void {
	// Google Docs wraps whole pastes in <b style="font-weight:normal">.
	root.querySelectorAll('b, strong').forEach((element) => {
		if (NORMAL_WEIGHT.test(element.getAttribute('style') ?? '')) unwrap(element);
	});
	root.querySelectorAll('span, font').forEach((element) => {
		if (
			!BOLD_WEIGHT.test(element.getAttribute('style') ?? '') ||
			element.closest('b, strong, h1, h2, h3, h4, h5, h6, th')
		)
			return;
		const strong = root.ownerDocument.createElement('strong');
		strong.append(...Array.from(element.childNodes));
		element.append(strong);
	});
}

/** Divs holding only inline content are paragraphs; the rest are wrappers (Word's WordSection1). */
function divsToParagraphs(root: HTMLElement): void {
	for (const div of Array.from(root.querySelectorAll('div')).reverse()) {
		if (div.querySelector(BLOCK_CHILD)) unwrap(div);
		else rename(div, 'p');
	}
}

function removeEmptyParagraphs(root: HTMLElement): void {
	root.querySelectorAll('p').forEach((paragraph) => {
		const text = (paragraph.textContent ?? '').replace(/\u00a0/g, ' ').trim();
		if (!text && !paragraph.querySelector('br, table, hr') && !paragraph.closest('td, th'))
			paragraph.remove();
	});
}

/** Left behind by <o:p> and by headings that Word and WPS also mark bold. */
function removeEmptyFormatting(root: HTMLElement): void {
	root.querySelectorAll(':is(h2, h3, h4) :is(b, strong)').forEach(unwrap);
	for (const element of Array.from(root.querySelectorAll('b, strong, em, i, u, s')).reverse()) {
		if (!element.textContent && !element.querySelector('br')) element.remove();
	}
}

/** The line breaks of Office's HTML source between blocks are not content. */
function removeSpaceBetweenBlocks(root: HTMLElement): void {
	const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
	const removable: Node[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (/[^ \t\r\n\f]/.test(node.nodeValue ?? '')) continue;
		const besideBlock = [node.previousSibling, node.nextSibling].some(
			(sibling) => sibling && BLOCK_TAGS.has(sibling.nodeName)
		);
		if (besideBlock || BLOCK_CONTAINERS.has(node.parentNode?.nodeName ?? '')) removable.push(node);
	}
	removable.forEach((node) => node.parentNode?.removeChild(node));
}

function rename(element: Element, tagName: string): void {
	const replacement = element.ownerDocument.createElement(tagName);
	replacement.append(...Array.from(element.childNodes));
	element.replaceWith(replacement);
}

function unwrap(element: Element): void {
	element.replaceWith(...Array.from(element.childNodes));
}
