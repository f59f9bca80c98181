import { describe, expect, it } from 'vitest';
import { entryTemplates } from './default-templates';
import { checkTemplate, moveSection, newSectionKey, tidyTemplate } from './template-edit';

const guide = structuredClone(entryTemplates.find((template) => template.template === 'serviceGuide')!);

describe('template editing', () => {
	it('accepts the shipped templates', () => {
		for (const template of entryTemplates) expect(checkTemplate(template)).toEqual({});
	});

	it('names every problem: no name, an empty label, a repeated label, too many sections', () => {
		const errors = checkTemplate({
			...guide,
			name: ' ',
			sections: [
				{ key: 'a', label: '办理材料', required: true },
				{ key: 'b', label: ' ', required: false },
				{ key: 'c', label: '办理材料', required: false }
			]
		});
		expect(errors).toEqual({
			name: '请填写类型名称',
			'section:1': '请填写字段名称',
			'section:2': '字段名称重复'
		});
		const many = Array.from({ length: 21 }, (_, i) => ({
			key: `k${'x'.repeat(i)}`,
			label: `字段${i}`,
			required: false
		}));
		expect(checkTemplate({ ...guide, sections: many }).sections).toBe('最多 20 个字段');
	});

	it('makes new section keys that are letters only and unused', () => {
		const key = newSectionKey(guide.sections);
		expect(key).toMatch(/^[a-zA-Z]{1,40}$/);
		expect(guide.sections.map((section) => section.key)).not.toContain(key);
		const withIt = [...guide.sections, { key, label: '新字段', required: false }];
		expect(newSectionKey(withIt)).not.toBe(key);
	});

	it('trims labels and keeps required fields in the editor order', () => {
		const tidy = tidyTemplate({
			...guide,
			name: ' 办事指南 ',
			requiredFields: ['validTo', 'sources'],
			sections: [{ key: 'fee', label: ' 收费标准 ', required: false }]
		});
		expect(tidy.name).toBe('办事指南');
		expect(tidy.requiredFields).toEqual(['sources', 'validTo']);
		expect(tidy.sections[0]?.label).toBe('收费标准');
	});

	it('moves a section up or down and stays put at the ends', () => {
		const keys = (sections: typeof guide.sections) => sections.map((section) => section.key);
		expect(keys(moveSection(guide.sections, 1, -1)).slice(0, 2)).toEqual(['process', 'materials']);
		expect(keys(moveSection(guide.sections, 0, -1))).toEqual(keys(guide.sections));
	});
});
