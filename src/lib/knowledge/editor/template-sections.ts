// A template's labelled fields (办理条件, 所需材料, …) written as the answer's first part (pure: no DOM).
import { escapeHtml } from '../entry-draft';

export interface TemplateSectionLabel {
	key: string;
	label: string;
}

export interface TemplateFieldValue {
	key: string;
	value: string;
}

type LineKind = 'ordered' | 'bullet' | 'paragraph';

// 1. 1、 1． （1） (1): a following digit means a decimal (1.5万元), not a number.
const ORDERED_LINE = /^(?:\d+[.．、](?!\d)|[（(]\d+[)）])\s*/;
const BULLET_LINE = /^[-•·]\s*/;

export function renderTemplateSections(
	sections: TemplateSectionLabel[],
	fields: TemplateFieldValue[]
): string {
	const values = new Map(fields.map((field) => [field.key, field.value]));
	return sections
		.filter((section) => values.get(section.key)?.trim())
		.map((section) => `<h3>${escapeHtml(section.label)}</h3>${renderSectionValue(values.get(section.key)!)}`)
		.join('');
}

/** Runs of numbered lines become one <ol>, of dashed lines one <ul>; other lines are paragraphs. */
export function renderSectionValue(value: string): string {
	const lines = value
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
	let html = '';
	let openList: LineKind | null = null;
	for (const line of lines) {
		const kind = lineKind(line);
		if (openList && openList !== kind) {
			html += openList === 'ordered' ? '</ol>' : '</ul>';
			openList = null;
		}
		if (kind === 'paragraph') {
			html += `<p>${escapeHtml(line)}</p>`;
			continue;
		}
		if (!openList) html += kind === 'ordered' ? '<ol>' : '<ul>';
		openList = kind;
		html += `<li>${escapeHtml(line.replace(kind === 'ordered' ? ORDERED_LINE : BULLET_LINE, ''))}</li>`;
	}
	if (openList) html += openList === 'ordered' ? '</ol>' : '</ul>';
	return html;
}

function lineKind(line: string): LineKind {
	if (ORDERED_LINE.test(line)) return 'ordered';
	if (BULLET_LINE.test(line)) return 'bullet';
	return 'paragraph';
}

/** The template's sections first, then the free answer under no heading (both already safe HTML). */
export function composeAnswerHtml(sectionsHtml: string, freeAnswerHtml: string): string {
	const freeAnswer = isBlankHtml(freeAnswerHtml) ? '' : freeAnswerHtml.trim();
	return sectionsHtml.trim() + freeAnswer;
}

/** The editor's empty document is `<p></p>`: it adds nothing to an answer. */
function isBlankHtml(html: string): boolean {
	return html.replace(/<p>(?:\s|&nbsp;|<br\s*\/?>)*<\/p>/gi, '').trim() === '';
}
