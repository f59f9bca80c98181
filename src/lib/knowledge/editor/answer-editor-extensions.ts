// The answer editor's schema: only what the sanitizer keeps (no code, no images, headings 2–4).
import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

export const ANSWER_HEADING_LEVELS = [2, 3, 4] as const;
const ALLOWED_LINK = /^(?:https?:|mailto:|tel:)/i;

export function answerEditorExtensions(): AnyExtension[] {
	return [
		StarterKit.configure({
			heading: { levels: [...ANSWER_HEADING_LEVELS] },
			code: false,
			codeBlock: false,
			link: {
				openOnClick: false,
				autolink: true,
				defaultProtocol: 'https',
				isAllowedUri: (url) => ALLOWED_LINK.test(url.trim()),
				HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer', class: null }
			}
		}),
		TableKit.configure({ table: { resizable: false } })
	];
}
