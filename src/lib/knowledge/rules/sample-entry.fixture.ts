// A complete published entry for the rules' tests; each test overrides what it is about.
import type { Entry } from '$lib/db/generated/documents';

export function sampleEntry(overrides: Partial<Entry> = {}): Entry {
	return {
		_id: 'entry:shebao-bukai',
		_rev: '3-aaa',
		type: 'entry',
		template: 'serviceGuide',
		standardQuestion: '社保卡丢了怎么补办？',
		categoryId: 'category:shebao',
		answerHtml: '<p>社保卡补办需要带身份证原件和一寸照片。</p>',
		answerText: '社保卡补办需要带身份证原件和一寸照片。',
		sources: [],
		similarQuestions: ['社保卡掉了咋办', '社保卡补卡'],
		relatedEntries: [],
		keywords: ['社保卡', '补办'],
		region: '全省',
		validFrom: '2026-01-01',
		validTo: null,
		templateFields: [],
		status: 'published',
		version: 2,
		createdBy: 'editor01',
		createdAt: '2026-01-05T02:00:00.000Z',
		updatedBy: 'reviewer01',
		updatedAt: '2026-02-01T02:00:00.000Z',
		publishedAt: '2026-02-01T02:00:00.000Z',
		publishedBy: 'reviewer01',
		history: [
			{ action: 'create', by: 'editor01', at: '2026-01-05T02:00:00.000Z' },
			{ action: 'publish', by: 'reviewer01', at: '2026-01-06T02:00:00.000Z' },
			{ action: 'publish', by: 'reviewer01', at: '2026-02-01T02:00:00.000Z' }
		],
		...overrides
	};
}
