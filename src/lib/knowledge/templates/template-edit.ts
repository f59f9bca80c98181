// What an admin may make of a template: the checks the schema makes, in words, before anything is saved.
import type { EntryTemplate } from '$lib/db/generated/documents';
import type { TemplateShape } from './template.service';

export type OptionalField = EntryTemplate['requiredFields'][number];
export type TemplateSection = EntryTemplate['sections'][number];

/** The fields a template can make required, in the editor's order. */
export const OPTIONAL_FIELDS: readonly OptionalField[] = [
	'sources',
	'similarQuestions',
	'relatedEntries',
	'keywords',
	'validFrom',
	'validTo'
];

export const MAX_SECTIONS = 20;
const MAX_LABEL_LENGTH = 40;

/** Messages by what is wrong: `name`, or `section:<index>`. Empty when the template may be saved. */
export function checkTemplate(template: TemplateShape): Record<string, string> {
	const errors: Record<string, string> = {};
	const name = template.name.trim();
	if (!name) errors.name = '请填写类型名称';
	else if (name.length > MAX_LABEL_LENGTH) errors.name = `类型名称不超过 ${MAX_LABEL_LENGTH} 个字`;
	if (template.sections.length > MAX_SECTIONS) errors.sections = `最多 ${MAX_SECTIONS} 个字段`;
	const seen = new Set<string>();
	template.sections.forEach((section, index) => {
		const label = section.label.trim();
		if (!label) errors[`section:${index}`] = '请填写字段名称';
		else if (label.length > MAX_LABEL_LENGTH)
			errors[`section:${index}`] = `字段名称不超过 ${MAX_LABEL_LENGTH} 个字`;
		else if (seen.has(label)) errors[`section:${index}`] = '字段名称重复';
		seen.add(label);
	});
	return errors;
}

/** A key for a new section that no section of the template uses (keys tie entries' values to sections). */
export function newSectionKey(sections: readonly TemplateSection[]): string {
	const used = new Set(sections.map((section) => section.key));
	let n = sections.length + 1;
	while (used.has(`field${toLetters(n)}`)) n++;
	return `field${toLetters(n)}`;
}

// Keys may hold letters only (schema pattern), so numbers are written a, b, … z, ba, bb …
function toLetters(n: number): string {
	let out = '';
	do {
		out = String.fromCharCode(97 + (n % 26)) + out;
		n = Math.floor(n / 26);
	} while (n > 0);
	return out;
}

/** The template as it will be stored: labels and name trimmed, required fields in a stable order. */
export function tidyTemplate(template: TemplateShape): TemplateShape {
	return {
		template: template.template,
		name: template.name.trim(),
		requiredFields: OPTIONAL_FIELDS.filter((field) => template.requiredFields.includes(field)),
		sections: template.sections.map((section) => ({ ...section, label: section.label.trim() }))
	};
}

export function moveSection(
	sections: readonly TemplateSection[],
	index: number,
	offset: -1 | 1
): TemplateSection[] {
	const target = index + offset;
	if (target < 0 || target >= sections.length) return [...sections];
	const moved = [...sections];
	const [section] = moved.splice(index, 1);
	moved.splice(target, 0, section!);
	return moved;
}
