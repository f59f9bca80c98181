import { describe, expect, it } from 'vitest';
import { longestCommonSubsequence } from './question-compare';
import { SearchEngine } from './search-engine';
import { isSearchable, toSearchableEntry, type SearchableEntry } from './searchable-entry';
import type { PublishedEntry } from '$lib/db/generated/documents';

function entry(id: string, standardQuestion: string, more: Partial<SearchableEntry> = {}): SearchableEntry {
	return {
		id,
		standardQuestion,
		similarQuestions: [],
		keywords: [],
		answerText: '',
		categoryId: 'category:social',
		region: '全省',
		template: 'faq',
		...more
	};
}

const KNOWLEDGE: SearchableEntry[] = [
	entry('entry:card-replace', '社会保障卡丢失后怎么补办', {
		similarQuestions: ['社保卡丢了怎么办', '社保卡补领'],
		keywords: ['社保卡', '补办'],
		answerText: '携带居民身份证到就近的社保经办网点或银行网点办理补卡。'
	}),
	entry('entry:card-where', '社保卡在哪里办理', { keywords: ['社保卡'] }),
	entry('entry:fund-withdraw', '住房公积金怎么提取', {
		similarQuestions: ['公积金提取需要什么材料'],
		categoryId: 'category:housing',
		template: 'serviceGuide'
	}),
	entry('entry:medical-ratio', '基本医疗保险住院报销比例是多少', { categoryId: 'category:medical' }),
	entry('entry:residence', '居住证怎么申请', { region: '西江市', template: 'serviceGuide' }),
	entry('entry:overdue', '个人所得税逾期申报怎么处理', { categoryId: 'category:tax' }),
	entry('entry:pension-2023', '2023年养老金调整标准', { validTo: '2023-12-31' }),
	entry('entry:pension-2024', '2024年养老金调整标准', { validFrom: '2024-01-01' }),
	entry('entry:id-card', '居民身份证补办需要多久', { answerText: '一般20个工作日内办结。' })
];

function engineWith(entries = KNOWLEDGE): SearchEngine {
	const engine = new SearchEngine();
	for (const item of entries) engine.add(item);
	return engine;
}

const ids = (engine: SearchEngine, query: string, options = {}) =>
	engine.search(query, options).map((hit) => hit.id);

describe('SearchEngine', () => {
	const engine = engineWith();

	it.each([
		['社保卡丢了怎么补办', 'entry:card-replace'],
		['社保卡补领', 'entry:card-replace'],
		['社保卡在哪办', 'entry:card-where'],
		['请问公积金怎么取出来', 'entry:fund-withdraw'],
		['医保住院能报多少', 'entry:medical-ratio'],
		['個人所得稅逾期申報', 'entry:overdue'],
		['个税遇期申报', 'entry:overdue'],
		['身份证补办要多长时间', 'entry:id-card'],
		['gjj', 'entry:fund-withdraw']
	])('%s → %s first', (query, expected) => {
		expect(ids(engine, query)[0]).toBe(expected);
	});

	it('reads Latin letters the knowledge base lacks as pinyin initials', () => {
		expect(ids(engine, 'sbk').slice(0, 2).sort()).toEqual(['entry:card-replace', 'entry:card-where']);
	});

	it('tells how from where among questions on the same topic', () => {
		expect(ids(engine, '社保卡怎么办理')[0]).toBe('entry:card-replace');
		expect(ids(engine, '社保卡办理地点在哪里')[0]).toBe('entry:card-where');
	});

	it('returns matched terms for highlighting', () => {
		const [hit] = engine.search('社保卡补办');
		expect(hit!.matchedTerms).toEqual(expect.arrayContaining(['社保', '保卡', '补办']));
		expect(hit!.score).toBeGreaterThan(0);
	});

	it('finds answers by their wording, below questions', () => {
		expect(ids(engine, '银行网点补卡')).toContain('entry:card-replace');
	});

	it('returns nothing for an empty or unknown query', () => {
		expect(engine.search('')).toEqual([]);
		expect(engine.search('？！')).toEqual([]);
		expect(engine.search('xyzzy')).toEqual([]);
	});

	it('respects the limit', () => {
		expect(engine.search('怎么', { limit: 2 }).length).toBeLessThanOrEqual(2);
	});

	it('filters by category, template and region (province-wide entries count everywhere)', () => {
		expect(ids(engine, '怎么提取', { filters: { categoryIds: ['category:housing'] } })).toEqual([
			'entry:fund-withdraw'
		]);
		expect(ids(engine, '怎么申请', { filters: { template: 'serviceGuide' } })).toContain('entry:residence');
		expect(ids(engine, '居住证怎么申请', { filters: { region: '北湖市' } })).not.toContain('entry:residence');
		expect(ids(engine, '居住证怎么申请', { filters: { region: '西江市' } })[0]).toBe('entry:residence');
		expect(ids(engine, '社保卡补办', { filters: { region: '西江市' } })[0]).toBe('entry:card-replace');
	});

	it('leaves out entries not in force on the given day', () => {
		expect(ids(engine, '养老金调整标准', { today: '2024-06-01' })).toEqual(['entry:pension-2024']);
		expect(ids(engine, '养老金调整标准', { today: '2023-06-01' })).toEqual(['entry:pension-2023']);
	});

	it('prefers the entry whose year matches', () => {
		expect(ids(engine, '2024年养老金调整')[0]).toBe('entry:pension-2024');
		expect(ids(engine, '2023年养老金调整')[0]).toBe('entry:pension-2023');
	});
});

describe('SearchEngine ranking of question-to-question matches', () => {
	it('prefers, of two equally matching questions, the one whose other words are common ones', () => {
		// Both contain the whole query and are as long; 材料 is in many questions, 罚款 in one: a question
		// about a fine asks something the caller did not.
		const engine = engineWith([
			entry('entry:fine', '营业执照注销罚款'),
			entry('entry:documents', '营业执照注销材料'),
			entry('entry:a', '社保卡补办材料'),
			entry('entry:b', '公积金提取材料'),
			entry('entry:c', '居住证申请材料')
		]);
		expect(engine.search('营业执照注销')[0]?.id).toBe('entry:documents');
	});

	it('compares questions with synonyms written alike: 电瓶车 is no extra word next to 电动车', () => {
		const engine = engineWith([
			entry('entry:fine', '电动车上牌罚款在哪里办'),
			entry('entry:plate', '电瓶车上牌在哪里办')
		]);
		expect(engine.search('电动车上牌在哪里办')[0]?.id).toBe('entry:plate');
	});
	it('tells apart by words questions whose characters agree: 公租房 is not 廉租房', () => {
		const engine = new SearchEngine();
		const questions = [
			'居住证怎么申请',
			'低保怎么申请',
			'公积金怎么提取',
			'身份证丢了怎么补办',
			'护照在哪里办理',
			'结婚登记需要什么材料',
			'水费在哪里交',
			'户口迁移怎么办理',
			'驾驶证到期怎么换证',
			'营业执照怎么办理',
			'廉租房怎么申请',
			'公租房申请怎么办理'
		];
		questions.forEach((question, index) => engine.add(entry(`entry:${index}`, question)));
		const ids = engine.search('公租房怎么申请').map((hit) => hit.id);
		expect(ids.slice(0, 2)).toEqual(['entry:11', 'entry:10']);
	});
});

describe('SearchEngine updates', () => {
	it('adds, replaces and removes entries', () => {
		const engine = engineWith();
		expect(engine.size).toBe(KNOWLEDGE.length);
		engine.add(entry('entry:new', '新生儿医保怎么办理'));
		expect(ids(engine, '新生儿医保')[0]).toBe('entry:new');

		engine.add(entry('entry:new', '新生儿落户需要什么材料'));
		expect(engine.size).toBe(KNOWLEDGE.length + 1);
		expect(ids(engine, '新生儿落户')[0]).toBe('entry:new');
		const stale = engine.search('新生儿医保').find((hit) => hit.id === 'entry:new');
		expect(stale?.matchedTerms).not.toContain('医保');

		engine.remove('entry:new');
		expect(engine.has('entry:new')).toBe(false);
		expect(ids(engine, '新生儿落户')).not.toContain('entry:new');
		engine.remove('entry:missing');
		expect(engine.size).toBe(KNOWLEDGE.length);
		expect(engine.staleShare).toBeGreaterThan(0);
	});

	it('keeps IDF in step with removals', () => {
		const engine = engineWith([entry('a', '社保卡补办'), entry('b', '社保卡挂失')]);
		const before = engine.search('社保卡补办')[0]!.score;
		engine.remove('b');
		engine.add(entry('b', '社保卡挂失'));
		expect(engine.search('社保卡补办')[0]!.score).toBeCloseTo(before);
	});

	it('applies editors’ synonyms when they change', () => {
		const engine = engineWith([entry('other', '结婚证怎么办理'), entry('only', '老年人优待证怎么办理')]);
		expect(ids(engine, '乐龄卡怎么办理')[0]).toBe('other');
		engine.setSynonyms([['乐龄卡', '老年人优待证']]);
		expect(ids(engine, '乐龄卡怎么办理')[0]).toBe('only');
		// the synonym alone finds candidates too
		expect(ids(engine, '乐龄卡')).toEqual(['only']);
		engine.setSynonyms([]);
		expect(ids(engine, '乐龄卡怎么办理')[0]).toBe('other');
		expect(ids(engine, '乐龄卡')).toEqual([]);
	});

	it('learns related terms from similar questions and uses them for other entries', () => {
		const engine = engineWith([
			entry('a', '退休金怎么领取', { similarQuestions: ['养老金怎么领取'] }),
			entry('b', '退休金多少钱', { similarQuestions: ['养老金多少钱'] }),
			entry('c', '退休金调整时间'),
			entry('d', '养殖补贴调整时间')
		]);
		expect(ids(engine, '养老金调整时间')[0]).toBe('c');
	});
});

describe('SearchEngine export and import', () => {
	it('restores an engine that answers the same', () => {
		const engine = engineWith();
		engine.remove('entry:id-card');
		const chunks = engine.export();
		// What IndexedDB stores: a structured clone.
		const restored = SearchEngine.import(structuredClone(chunks));
		expect(restored.size).toBe(engine.size);
		for (const query of ['社保卡丢了怎么补办', '公积金提取', 'sbk', '养老金调整标准', '身份证补办']) {
			expect(restored.search(query)).toEqual(engine.search(query));
		}
		// The columns behind filters and validity come back too.
		const filtered = { filters: { region: '西江市', template: 'serviceGuide' }, today: '2023-06-01' };
		for (const query of ['居住证怎么申请', '养老金调整标准']) {
			expect(restored.search(query, filtered)).toEqual(engine.search(query, filtered));
		}
		expect(
			restored.search('2024年养老金调整标准', { today: '2023-06-01' }).map((hit) => hit.id)
		).not.toContain('entry:pension-2024');
		expect(restored.staleShare).toBe(engine.staleShare);
		expect(restored.has('entry:id-card')).toBe(false);
		restored.add(entry('entry:after', '护照怎么办理'));
		expect(ids(restored, '护照办理')[0]).toBe('entry:after');
	});

	it('ranks entries indexed before the word segmenter loaded as the others, and cuts their words later', () => {
		const questions = [
			'廉租房怎么申请',
			'公租房申请怎么办理',
			'居住证怎么申请',
			'低保怎么申请',
			'公积金怎么提取'
		];
		const engine = new SearchEngine();
		questions.forEach((question, index) => engine.add(entry(`entry:${index}`, question)));
		engine.remove('entry:4');
		const chunks = engine.export();
		const wordsOf = (from: typeof chunks) => from.find((chunk) => chunk.key === 'questionWords')!.data;
		// What a browser stores when it indexed before the segmenter's WebAssembly had loaded: no lengths.
		const uncut = SearchEngine.import(
			chunks.map((chunk) =>
				chunk.key === 'questionWords' ? { ...chunk, data: questions.map(() => '').join('\n') } : chunk
			)
		);
		for (const query of ['公租房怎么申请', '廉租房申请', '居住证']) {
			expect(uncut.search(query)).toEqual(engine.search(query));
		}
		expect(uncut.addMissingWords(2)).toEqual({ filled: 2, done: false });
		expect(uncut.addMissingWords(2)).toEqual({ filled: 2, done: false });
		expect(uncut.addMissingWords(2)).toEqual({ filled: 0, done: true });
		expect(wordsOf(uncut.export())).toBe(wordsOf(chunks));
		expect(wordsOf(chunks)).not.toBe(questions.map(() => '').join('\n'));
	});

	it('refuses chunks of another format', () => {
		const chunks = engineWith()
			.export()
			.map((chunk) => (chunk.key === 'engine' ? { ...chunk, data: JSON.stringify({ version: 99 }) } : chunk));
		expect(() => SearchEngine.import(chunks)).toThrow();
	});
});

describe('helpers', () => {
	it('measures the longest common subsequence', () => {
		expect(longestCommonSubsequence('社保卡补办', '社保卡怎么补办')).toBe(5);
		expect(longestCommonSubsequence('', '社保')).toBe(0);
	});

	it('tells which entries agents may find', () => {
		const published = { status: 'published', validFrom: null, validTo: null } as const;
		expect(isSearchable(published, '2026-01-01')).toBe(true);
		expect(isSearchable({ ...published, status: 'draft' }, '2026-01-01')).toBe(false);
		expect(isSearchable({ ...published, status: 'archived' }, '2026-01-01')).toBe(false);
		expect(isSearchable({ ...published, validFrom: '2026-02-01' }, '2026-01-01')).toBe(false);
		expect(isSearchable({ ...published, validTo: '2025-12-31' }, '2026-01-01')).toBe(false);
		expect(isSearchable({ ...published, validTo: '2026-01-01' }, '2026-01-01')).toBe(true);
	});

	it('takes what it needs from an entry’s publication, under the entry’s id', () => {
		const document = {
			_id: 'publishedEntry:x',
			type: 'publishedEntry',
			entryId: 'entry:x',
			template: 'faq',
			standardQuestion: '问题',
			categoryId: 'category:a',
			answerHtml: '<p>答案</p>',
			answerText: '答案',
			sources: [],
			similarQuestions: ['相似'],
			relatedEntries: [],
			keywords: ['关键词'],
			region: '全省',
			status: 'published',
			version: 1,
			publishedBy: 'u',
			publishedAt: '2026-01-01T00:00:00.000Z',
			updatedBy: 'u',
			updatedAt: '2026-01-01T00:00:00.000Z',
			templateFields: []
		} satisfies PublishedEntry;
		expect(toSearchableEntry(document)).toEqual({
			id: 'entry:x',
			standardQuestion: '问题',
			similarQuestions: ['相似'],
			keywords: ['关键词'],
			answerText: '答案',
			sources: '',
			categoryId: 'category:a',
			region: '全省',
			template: 'faq',
			validFrom: null,
			validTo: null,
			overrides: null
		});
	});
});
