import { describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { entryContent, type EntryContent } from '../entry-content';
import { diffEntryContent, sourceLine, type ContentDiffRow } from './entry-diff';
import { sampleEntry } from './sample-entry.fixture';
import { diffTextSegments, foldShortIslands } from './text-diff';

const base: EntryContent = entryContent(sampleEntry());

const edited = (change: Partial<Entry>): EntryContent => ({
	...base,
	...entryContent({ ...base, ...change })
});
const rowOf = (after: EntryContent, field: string, describe = {}) =>
	diffEntryContent(base, after, describe).find((row) => row.field === field)!;

describe('character diff of Chinese text', () => {
	it.each([
		['identical', '办理时限', '办理时限', [{ text: '办理时限', change: 'same' }]],
		['both empty', '', '', []],
		['a new text', '', '新答案', [{ text: '新答案', change: 'added' }]],
		[
			'two word swaps and an addition',
			'社保卡补办需要带身份证原件和一寸照片。',
			'社保卡补办需要带户口本原件和两寸照片，可在线办理。',
			[
				{ text: '社保卡补办需要带', change: 'same' },
				{ text: '身份证', change: 'removed' },
				{ text: '户口本', change: 'added' },
				{ text: '原件和', change: 'same' },
				{ text: '一', change: 'removed' },
				{ text: '两', change: 'added' },
				{ text: '寸照片', change: 'same' },
				{ text: '，可在线办理', change: 'added' },
				{ text: '。', change: 'same' }
			]
		],
		[
			'a rewrite sharing one character folds into one replacement',
			'社保卡补办',
			'医疗卡换领',
			[
				{ text: '社保卡补办', change: 'removed' },
				{ text: '医疗卡换领', change: 'added' }
			]
		]
	])('%s', (_case, before, after, segments) => {
		expect(diffTextSegments(before, after)).toEqual(segments);
	});

	it.each([
		[
			'folds a two-character island between changes',
			[
				{ text: '甲', change: 'removed' },
				{ text: '乙丙', change: 'same' },
				{ text: '丁', change: 'added' }
			],
			[
				{ text: '甲乙丙', change: 'removed' },
				{ text: '乙丙丁', change: 'added' }
			]
		],
		[
			'keeps a three-character island',
			[
				{ text: '甲', change: 'removed' },
				{ text: '乙丙戊', change: 'same' },
				{ text: '丁', change: 'added' }
			],
			[
				{ text: '甲', change: 'removed' },
				{ text: '乙丙戊', change: 'same' },
				{ text: '丁', change: 'added' }
			]
		],
		[
			'keeps short unchanged text at either end',
			[
				{ text: '您', change: 'same' },
				{ text: '甲', change: 'removed' },
				{ text: '。', change: 'same' }
			],
			[
				{ text: '您', change: 'same' },
				{ text: '甲', change: 'removed' },
				{ text: '。', change: 'same' }
			]
		]
	] as const)('%s', (_case, segments, folded) => {
		expect(foldShortIslands(segments.map((segment) => ({ ...segment })))).toEqual(folded);
	});

	it('always rebuilds both texts from its segments', () => {
		const before = '请携带本人身份证、户口簿到户籍所在地派出所办理，办理时限为5个工作日。';
		const after = '请携带本人居民身份证到居住地派出所办理，当场办结，不收费。';
		const segments = diffTextSegments(before, after);
		const side = (skip: string) =>
			segments
				.filter((segment) => segment.change !== skip)
				.map((segment) => segment.text)
				.join('');
		expect([side('added'), side('removed')]).toEqual([before, after]);
	});
});

describe('diff of entry contents', () => {
	it('has one row per content field in editing order, the answer compared as text only', () => {
		const rows = diffEntryContent(base, base);
		expect(rows.map((row) => row.field)).toEqual([
			'standardQuestion',
			'categoryId',
			'template',
			'answerText',
			'templateFields',
			'sources',
			'similarQuestions',
			'relatedEntries',
			'keywords',
			'region',
			'validFrom',
			'validTo',
			'overrides'
		]);
		expect(rows.every((row) => !row.changed)).toBe(true);
		expect(rows.find((row) => row.field === 'answerText')?.label).toBe('答案');
	});

	it('highlights an edited Chinese answer', () => {
		const row = rowOf(edited({ answerText: '社保卡补办需要带户口本原件和一寸照片。' }), 'answerText');
		expect(row).toMatchObject({
			changed: true,
			kind: 'text',
			before: '社保卡补办需要带身份证原件和一寸照片。',
			after: '社保卡补办需要带户口本原件和一寸照片。',
			segments: [
				{ text: '社保卡补办需要带', change: 'same' },
				{ text: '身份证', change: 'removed' },
				{ text: '户口本', change: 'added' },
				{ text: '原件和一寸照片。', change: 'same' }
			]
		});
	});

	it('ignores a change of formatting only', () => {
		expect(rowOf(edited({ answerHtml: '<p><strong>社保卡</strong>补办</p>' }), 'answerText').changed).toBe(
			false
		);
	});

	it.each<[string, string, Partial<Entry>, Partial<ContentDiffRow>]>([
		[
			'a similar question replaced',
			'similarQuestions',
			{ similarQuestions: ['社保卡补卡', '社保卡不见了'] },
			{ changed: true, added: ['社保卡不见了'], removed: ['社保卡掉了咋办'] }
		],
		[
			'a keyword added',
			'keywords',
			{ keywords: ['社保卡', '补办', '挂失'] },
			{ changed: true, added: ['挂失'], removed: [] }
		],
		[
			'keywords only reordered',
			'keywords',
			{ keywords: ['补办', '社保卡'] },
			{ changed: false, added: [], removed: [] }
		],
		[
			'a related entry added, shown by its title',
			'relatedEntries',
			{ relatedEntries: ['entry:2'] },
			{ changed: true, added: ['社保卡挂失'], removed: [], afterItems: ['社保卡挂失'] }
		]
	])('lists: %s', (_case, field, change, expected) => {
		const row = rowOf(edited(change), field, {
			entryTitle: (id: string) => (id === 'entry:2' ? '社保卡挂失' : id)
		});
		expect(row).toMatchObject({ kind: 'list', ...expected });
	});

	it('shows each source as one line and reports the replaced one', () => {
		const oldSource = {
			title: '社会保障卡管理办法',
			documentNumber: '人社部发〔2021〕1号',
			article: '第十条'
		};
		const newSource = { ...oldSource, issuer: '人力资源社会保障部', issuedOn: '2024-05-01' };
		expect(sourceLine(newSource)).toBe(
			'社会保障卡管理办法 人社部发〔2021〕1号 第十条 人力资源社会保障部 2024-05-01'
		);
		const before = { ...base, sources: [oldSource] } as EntryContent;
		const after = { ...base, sources: [newSource] } as EntryContent;
		const row = diffEntryContent(before, after).find((r) => r.field === 'sources');
		expect(row).toMatchObject({
			changed: true,
			added: [sourceLine(newSource)],
			removed: ['社会保障卡管理办法 人社部发〔2021〕1号 第十条']
		});
	});

	it('compares template fields key by key', () => {
		const before = {
			...base,
			templateFields: [
				{ key: 'materials', value: '身份证' },
				{ key: 'fee', value: '免费' }
			]
		} as EntryContent;
		const after = {
			...base,
			templateFields: [
				{ key: 'fee', value: '免费' },
				{ key: 'materials', value: '身份证、照片' },
				{ key: 'place', value: '社保大厅' }
			]
		} as EntryContent;
		const labels: Record<string, string> = { materials: '办理材料', fee: '收费标准', place: '办理地点' };
		const row = diffEntryContent(before, after, { templateFieldLabel: (key) => labels[key] ?? key }).find(
			(r) => r.field === 'templateFields'
		);
		expect(row).toMatchObject({
			changed: true,
			kind: 'list',
			added: ['办理材料：身份证、照片', '办理地点：社保大厅'],
			removed: ['办理材料：身份证']
		});
	});

	it.each([
		['categoryId', { categoryId: 'category:yibao' }, '社会保障 › 社保卡', '社会保障 › 医保'],
		['template', { template: 'faq' }, '办事指南', '常见问题'],
		['region', { region: '杭州市' }, '全省', '杭州市'],
		['validTo', { validTo: '2026-12-31' }, '长期', '2026-12-31'],
		['validFrom', { validFrom: null }, '2026-01-01', '']
	] as const)('describes the value of %s for people', (field, change, before, after) => {
		const paths: Record<string, string> = {
			'category:shebao': '社会保障 › 社保卡',
			'category:yibao': '社会保障 › 医保'
		};
		const row = rowOf(edited(change as Partial<Entry>), field, {
			categoryPath: (id: string) => paths[id] ?? id
		});
		expect(row).toMatchObject({ kind: 'value', changed: true, before, after });
	});
});
