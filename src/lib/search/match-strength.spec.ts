// Each hit says how much of the query its question holds; a weak best hit makes the screen say 匹配度低.
// A homophone slip the search corrects is read as corrected, and does not make the match weak.
import { describe, expect, it } from 'vitest';
import { opensOnWeakMatch, WEAK_MATCH_BELOW } from './match-strength';
import { SearchEngine } from './search-engine';
import type { SearchableEntry } from './searchable-entry';

const entry = (id: string, standardQuestion: string, similarQuestions: string[] = []): SearchableEntry => ({
	id,
	standardQuestion,
	similarQuestions,
	keywords: [],
	answerText: '',
	categoryId: 'category:x',
	region: '全省',
	template: 'faq'
});

const engine = new SearchEngine();
for (const known of [
	entry('entry:card', '社保卡丢了怎么补办', ['社会保障卡遗失补领']),
	entry('entry:card-activate', '社保卡怎么激活'),
	entry('entry:noise', '噪音扰民怎么投诉', ['楼上装修太吵睡不着怎么办']),
	entry('entry:residence', '居住证怎么办理', ['居住证需要什么材料']),
	entry('entry:fund', '住房公积金怎么提取'),
	entry('entry:school', '随迁子女怎么入学')
])
	engine.add(known);

describe('match strength', () => {
	it('is high when the question holds what the query asks, and low when only a fragment matches', () => {
		const good = engine.search('社保卡丢了怎么补办');
		expect(good[0]).toMatchObject({ id: 'entry:card' });
		expect(good[0]!.strength).toBeGreaterThan(0.9);
		expect(opensOnWeakMatch(good)).toBe(false);

		const poor = engine.search('我孩子考试压力大睡不着');
		expect(poor.length).toBeGreaterThan(0);
		expect(poor[0]!.strength).toBeLessThan(WEAK_MATCH_BELOW);
		expect(opensOnWeakMatch(poor)).toBe(true);
		expect(opensOnWeakMatch([])).toBe(false);
	});

	it('reads a homophone slip as corrected, says so, and does not call the match weak for it', () => {
		const slipped = engine.search('设保卡补办');
		expect(slipped[0]).toMatchObject({ id: 'entry:card', readAs: '社保卡补办' });
		expect(opensOnWeakMatch(slipped)).toBe(false);

		const residence = engine.search('居住正怎么办');
		expect(residence[0]).toMatchObject({ id: 'entry:residence' });
		expect(residence[0]!.readAs).toContain('居住证');
		expect(opensOnWeakMatch(residence)).toBe(false);

		expect(engine.search('社保卡怎么激活')[0]!.readAs).toBeUndefined();
		// 卡补 is no pair the knowledge base knows, but 补办 is: 补 is no slip.
		expect(engine.search('社保卡补办')[0]!.readAs).toBeUndefined();
	});
});
