// Answers written before their template had fields (the shipped samples, imports) keep the sections as
// <h3> headings in the answer; reading them back into the fields lets such entries be edited as designed.
import type { TemplateFieldValue, TemplateSectionLabel } from '../editor/template-sections';

export interface SplitAnswer {
	fields: TemplateFieldValue[];
	/** What is left of the answer once the sections are taken out, in its order. */
	freeHtml: string;
}

/** Needs a DOM (the browser, or jsdom in tests). Returns no fields when no heading names a section. */
export function sectionsFromAnswerHtml(html: string, sections: readonly TemplateSectionLabel[]): SplitAnswer {
	const keyByLabel = new Map(sections.map((section) => [section.label, section.key]));
	const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
	const lines = new Map<string, string[]>();
	let free = '';
	let currentKey: string | null = null;
	for (const node of Array.from(body.childNodes)) {
		if (node instanceof Element && /^H[1-6]$/.test(node.tagName)) {
			currentKey = keyByLabel.get(node.textContent?.trim() ?? '') ?? null;
			if (currentKey) {
				lines.set(currentKey, lines.get(currentKey) ?? []);
				continue;
			}
		}
		if (currentKey) lines.get(currentKey)!.push(...fieldLines(node));
		else free += node instanceof Element ? node.outerHTML : (node.textContent ?? '');
	}
	return {
		fields: [...lines].map(([key, value]) => ({ key, value: value.join('\n') })),
		freeHtml: lines.size > 0 ? free : html
	};
}

// The template field's own notation: "1. " for numbered items, "- " for bullets, one paragraph per line.
function fieldLines(node: ChildNode): string[] {
	if (!(node instanceof Element)) return node.textContent?.trim() ? [node.textContent.trim()] : [];
	if (node.tagName === 'OL' || node.tagName === 'UL') {
		return Array.from(node.children)
			.filter((item) => item.tagName === 'LI')
			.map(
				(item, index) => `${node.tagName === 'OL' ? `${index + 1}. ` : '- '}${item.textContent?.trim() ?? ''}`
			);
	}
	const text = node.textContent?.trim() ?? '';
	return text ? [text] : [];
}
