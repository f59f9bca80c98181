// Word and WPS copy list items as indented paragraphs with a typed-out marker; rebuild them as real lists.
const LIST_STYLE = /mso-list\s*:\s*(l\d+)\s+level(\d+)/i;
const IGNORE_MARKER = 'span[style*="mso-list" i][style*="ignore" i]';
// 1. 1.1 1) (1) （一） 一、 a. iv. ① ⑴ ⒈ ㈠: anything else (· • § Ø o ▪ Wingdings glyphs) is a bullet.
const ORDERED_MARKER =
	/^(?:\d+(?:[.．]\d+)*[.．、)）]?|[(（]\s*(?:\d+|[a-zA-Z]|[一二三四五六七八九十百零〇]+)\s*[)）]|[a-zA-Z][.．)）]|[ivxlcdm]+[.．)）]|[IVXLCDM]+[.．)）]|[一二三四五六七八九十百零〇]+[、.．]|[\u2460-\u249b\u3220-\u3229])$/;
const LEADING_MARKER =
	/^[\s\u00a0]*((?:\d+(?:[.．]\d+)*[.．、)）]|[(（][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[·•§Ø▪■●◆\uf000-\uf0ff]))[\s\u00a0]*/;

interface ListParagraph {
	element: HTMLElement;
	listId: string;
	level: number;
	ordered: boolean;
}

/** Replaces every run of Office list paragraphs in `root` with nested <ol>/<ul> lists. */
export function convertOfficeLists(root: HTMLElement): void {
	const runs: ListParagraph[][] = [];
	let previous: HTMLElement | null = null;
	for (const paragraph of Array.from(root.querySelectorAll<HTMLElement>('p'))) {
		const item = readListParagraph(paragraph);
		if (!item) continue;
		const run = runs.at(-1);
		if (run && previous && previousMeaningfulSibling(paragraph) === previous) run.push(item);
		else runs.push([item]);
		previous = paragraph;
	}
	for (const run of runs) {
		const first = run[0]!.element;
		first.before(buildLists(first.ownerDocument, run));
		for (const item of run) item.element.remove();
	}
}

function readListParagraph(paragraph: HTMLElement): ListParagraph | null {
	const style = LIST_STYLE.exec(paragraph.getAttribute('style') ?? '');
	const hasMarkerSpan = paragraph.querySelector(IGNORE_MARKER) !== null;
	if (!style && !hasMarkerSpan) return null;
	const marker = takeMarker(paragraph);
	if (marker === null) return null;
	return {
		element: paragraph,
		listId: style?.[1] ?? 'l0',
		level: Number(style?.[2] ?? 1),
		ordered: ORDERED_MARKER.test(marker)
	};
}

/** Removes the marker from the paragraph and returns it (null when there is none). */
function takeMarker(paragraph: HTMLElement): string | null {
	const document = paragraph.ownerDocument;
	const comments = commentsIn(paragraph);
	const start = comments.find((comment) => /^\[if !supportLists\]/i.test(comment.data.trim()));
	const end =
		start &&
		comments.slice(comments.indexOf(start)).find((comment) => /^\[endif\]/i.test(comment.data.trim()));
	if (start && end) {
		const range = document.createRange();
		range.setStartAfter(start);
		range.setEndBefore(end);
		const marker = normalizeMarker(range.toString());
		range.deleteContents();
		paragraph.querySelectorAll(IGNORE_MARKER).forEach((span) => span.remove());
		return marker;
	}
	const span = paragraph.querySelector(IGNORE_MARKER);
	if (span) {
		const marker = normalizeMarker(span.textContent ?? '');
		span.remove();
		return marker;
	}
	return takeLeadingTextMarker(paragraph);
}

function takeLeadingTextMarker(paragraph: HTMLElement): string | null {
	const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 4 /* NodeFilter.SHOW_TEXT */);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.nodeValue ?? '';
		if (!text.trim()) continue;
		const match = LEADING_MARKER.exec(text);
		if (!match) return null;
		node.nodeValue = text.slice(match[0].length);
		return normalizeMarker(match[1]!);
	}
	return null;
}

function commentsIn(element: HTMLElement): Comment[] {
	const walker = element.ownerDocument.createTreeWalker(element, 128 /* NodeFilter.SHOW_COMMENT */);
	const comments: Comment[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node as Comment);
	return comments;
}

function normalizeMarker(text: string): string {
	return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function previousMeaningfulSibling(element: Element): Node | null {
	let node = element.previousSibling;
	while (
		node &&
		(node.nodeType === 8 || (node.nodeType === 3 && !node.nodeValue?.replace(/\u00a0/g, ' ').trim()))
	)
		node = node.previousSibling;
	return node;
}

interface OpenList {
	list: HTMLElement;
	level: number;
	ordered: boolean;
	listId: string;
}

function buildLists(document: Document, run: ListParagraph[]): DocumentFragment {
	const fragment = document.createDocumentFragment();
	const open: OpenList[] = [];
	for (const item of run) {
		while (open.length > 0 && open.at(-1)!.level > item.level) open.pop();
		const top = open.at(-1);
		// Same level but another kind of marker (or, at the top, another Word list): a new list starts.
		if (
			top &&
			top.level === item.level &&
			(top.ordered !== item.ordered || (open.length === 1 && top.listId !== item.listId))
		)
			open.pop();
		const parent = open.at(-1);
		if (!parent || parent.level < item.level) {
			const list = document.createElement(item.ordered ? 'ol' : 'ul');
			if (parent) lastItemOf(parent.list).append(list);
			else fragment.append(list);
			open.push({ list, level: item.level, ordered: item.ordered, listId: item.listId });
		}
		const listItem = document.createElement('li');
		listItem.append(...Array.from(item.element.childNodes));
		trimLeadingSpace(listItem);
		open.at(-1)!.list.append(listItem);
	}
	return fragment;
}

function lastItemOf(list: HTMLElement): HTMLElement {
	const last = list.lastElementChild;
	if (last?.tagName === 'LI') return last as HTMLElement;
	const item = list.ownerDocument.createElement('li');
	list.append(item);
	return item;
}

function trimLeadingSpace(element: HTMLElement): void {
	const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const trimmed = (node.nodeValue ?? '').replace(/^[\s\u00a0]+/, '');
		node.nodeValue = trimmed;
		if (trimmed) return;
	}
}
