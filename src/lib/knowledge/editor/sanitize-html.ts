// The answer allowlist: every answer passes through here before it is stored or shown with {@html}.
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';

const ALLOWED_TAGS = [
	'p',
	'br',
	'h2',
	'h3',
	'h4',
	'strong',
	'b',
	'em',
	'i',
	'u',
	's',
	'ul',
	'ol',
	'li',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'a',
	'blockquote',
	'hr'
];
const CELL_TAGS = new Set(['TD', 'TH']);
const SAFE_LINK = /^(?:https?:|mailto:|tel:)/i;
const CELL_SPAN = /^[1-9]\d{0,2}$/;

const PURIFY_CONFIG: Config = {
	ALLOWED_TAGS,
	ALLOWED_ATTR: ['href', 'colspan', 'rowspan'],
	ALLOWED_URI_REGEXP: SAFE_LINK,
	// DOMPurify checks every other attribute value against the link pattern; cell spans are checked by the hook.
	ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	KEEP_CONTENT: true
};

export type AnswerSanitizer = (html: string) => string;

/** A sanitizer bound to one window (the browser's, or a jsdom window in tests). */
export function createAnswerSanitizer(window: WindowLike): AnswerSanitizer {
	const purify = createDOMPurify(window);
	purify.addHook('afterSanitizeAttributes', keepAttributesWhereTheyBelong);
	return (html) => {
		// RETURN_DOM gives the <body> that holds the result.
		const body = purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true }) as HTMLElement;
		// Word bookmarks and links whose address was refused are left as bare <a>: keep only their text.
		for (const anchor of Array.from(body.querySelectorAll('a:not([href])')))
			anchor.replaceWith(...anchor.childNodes);
		return body.innerHTML;
	};
}

function keepAttributesWhereTheyBelong(element: Element): void {
	if (element.tagName === 'A') {
		if (element.hasAttribute('href')) {
			element.setAttribute('target', '_blank');
			element.setAttribute('rel', 'noopener noreferrer');
		}
	} else {
		element.removeAttribute('href');
	}
	for (const name of ['colspan', 'rowspan']) {
		const value = element.getAttribute(name);
		if (value === null) continue;
		if (!CELL_TAGS.has(element.tagName) || !CELL_SPAN.test(value.trim())) element.removeAttribute(name);
	}
}

let browserSanitizer: AnswerSanitizer | null = null;

/** Sanitizes with the global window, created on first use so that importing this module needs no DOM. */
export function sanitizeAnswerHtml(html: string): string {
	browserSanitizer ??= createAnswerSanitizer(window);
	return browserSanitizer(html);
}
