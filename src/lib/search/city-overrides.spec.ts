import { describe, expect, it } from 'vitest';
import { withCityOverrides } from './city-overrides';
import { SearchEngine } from './search-engine';
import type { SearchableEntry } from './searchable-entry';
import type { SearchHit } from './search-types';

const hit = (id: string, score: number, ...matchedTerms: string[]): SearchHit => ({
	id,
	score,
	matchedTerms,
	strength: score
});

describe('withCityOverrides', () => {
	const overriders = new Map([['entry:province', 'entry:city']]);
	const overriderOf = (id: string) => overriders.get(id);

	it.each<[string, SearchHit[], SearchHit[]]>([
		[
			'the city entry takes the province entry’s better score and place',
			[hit('entry:province', 3, '居住'), hit('entry:other', 2), hit('entry:city', 1, '海口')],
			[hit('entry:city', 3, '居住', '海口'), hit('entry:other', 2)]
		],
		[
			'the city entry keeps its own better score',
			[hit('entry:city', 4, '海口'), hit('entry:other', 2), hit('entry:province', 1, '居住')],
			[hit('entry:city', 4, '海口', '居住'), hit('entry:other', 2)]
		],
		[
			'a province hit alone is shown as the city entry, with its words',
			[hit('entry:other', 5), hit('entry:province', 3, '居住')],
			[hit('entry:other', 5), hit('entry:city', 3, '居住')]
		],
		['a city hit alone stays as it is', [hit('entry:city', 2, '海口')], [hit('entry:city', 2, '海口')]],
		[
			'entries nobody overrides are untouched, equal scores in their order',
			[hit('entry:a', 1), hit('entry:b', 1)],
			[hit('entry:a', 1), hit('entry:b', 1)]
		],
		['no hits', [], []]
	])('%s', (_case, hits, expected) => {
		expect(withCityOverrides(hits, overriderOf)).toEqual(expected);
	});
});

function entry(id: string, standardQuestion: string, more: Partial<SearchableEntry> = {}): SearchableEntry {
	return {
		id,
		standardQuestion,
		similarQuestions: [],
		keywords: [],
		answerText: '',
		categoryId: 'category:huzheng',
		region: '全省',
		template: 'serviceGuide',
		...more
	};
}

const PROVINCE = entry('entry:residence', '居住证怎么办理？', { similarQuestions: ['居住证在哪办'] });
const HAIKOU = entry('entry:haikou-residence', '海口市居住证怎么办理？', {
	region: '海口市',
	overrides: 'entry:residence'
});
const OTHER = entry('entry:idcard', '身份证丢了怎么补办？');

function engineWith(...entries: SearchableEntry[]): SearchEngine {
	const engine = new SearchEngine();
	for (const item of entries) engine.add(item);
	return engine;
}

const ids = (engine: SearchEngine, query: string, options = {}) =>
	engine.search(query, { cityOverrides: true, ...options }).map((found) => found.id);

describe('SearchEngine with a city’s overriding entry', () => {
	it('lists the city’s version in the province entry’s place, only when asked', () => {
		const engine = engineWith(PROVINCE, HAIKOU, OTHER);
		expect(ids(engine, '居住证在哪办')).toEqual(['entry:haikou-residence']);
		expect(ids(engine, '居住证在哪办', { cityOverrides: false })).toContain('entry:residence');
	});

	it('changes nothing where no city entry overrides (a province agent’s copy)', () => {
		expect(ids(engineWith(PROVINCE, OTHER), '居住证在哪办')).toEqual(['entry:residence']);
	});

	it('gives the province entry back when the city’s version is not in force or filtered out', () => {
		const lapsed = engineWith(PROVINCE, { ...HAIKOU, validTo: '2025-12-31' }, OTHER);
		expect(ids(lapsed, '居住证怎么办理', { today: '2026-03-01' })).toEqual(['entry:residence']);
		const engine = engineWith(PROVINCE, HAIKOU, OTHER);
		expect(ids(engine, '居住证怎么办理', { filters: { region: '三亚市' } })).toEqual(['entry:residence']);
	});

	it('forgets the override when the city entry is withdrawn, and keeps it through a reload', () => {
		const engine = engineWith(PROVINCE, HAIKOU, OTHER);
		const reloaded = SearchEngine.import(engine.export());
		expect(ids(reloaded, '居住证在哪办')).toEqual(['entry:haikou-residence']);
		reloaded.remove(HAIKOU.id);
		expect(ids(reloaded, '居住证在哪办')).toEqual(['entry:residence']);
	});
});
