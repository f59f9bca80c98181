// What the answer editor hands to the entry: sanitized HTML and its plain text.
import { answerHtmlToText } from './html-to-text';
import { sanitizeAnswerHtml } from './sanitize-html';

export interface AnswerContent {
	html: string;
	text: string;
}

// The editor's placeholder paragraphs (an empty document, the one kept after a closing table).
const EDGE_EMPTY_PARAGRAPHS = /^(?:<p>(?:\s|<br>)*<\/p>)+|(?:<p>(?:\s|<br>)*<\/p>)+$/g;

export function answerFromEditorHtml(editorHtml: string): AnswerContent {
	const html = sanitizeAnswerHtml(editorHtml).replace(EDGE_EMPTY_PARAGRAPHS, '');
	return { html, text: answerHtmlToText(html) };
}
