// The four entry templates every installation starts with (admins edit them later); also the fallback before the first sync.
import type { EntryTemplate } from '../../db/generated/documents';

type TemplateSeed = Pick<EntryTemplate, 'template' | 'name' | 'requiredFields' | 'sections'>;

export const entryTemplates: TemplateSeed[] = [
	{
		template: 'serviceGuide',
		name: '办事指南',
		requiredFields: ['sources', 'similarQuestions'],
		sections: [
			{ key: 'materials', label: '办理材料', required: true },
			{ key: 'process', label: '办理流程', required: true },
			{ key: 'timeLimit', label: '办理时限', required: true },
			{ key: 'fee', label: '收费标准', required: false },
			{ key: 'place', label: '办理地点', required: false },
			{ key: 'phone', label: '咨询电话', required: false }
		]
	},
	{ template: 'policy', name: '政策法规', requiredFields: ['sources', 'validFrom'], sections: [] },
	{ template: 'faq', name: '常见问题', requiredFields: ['similarQuestions'], sections: [] },
	{ template: 'case', name: '案例', requiredFields: [], sections: [] }
];
