// The demo queries against the demo knowledge base (sync/demo/knowledge.json), as agents type them.
import { describe, expect, it } from 'vitest';
import { demoEntries, demoSearchableEntries } from '../../../tests/fixtures/demo-knowledge';
import { opensOnWeakMatch } from './match-strength';
import { SearchEngine } from './search-engine';

const engine = new SearchEngine();
for (const entry of demoSearchableEntries) engine.add(entry);
const answerOf = (id: string) => demoEntries.find((entry) => entry._id === id)!.answerText;

describe('the demo queries', () => {
	it.each([
		['12333', 'entry:shebao-card-reissue'],
		['社保卡工本费', 'entry:shebao-card-reissue'],
		['设保卡补办', 'entry:shebao-card-reissue'],
		['居住正怎么办', 'entry:residence-permit']
	])('%s finds %s first, not as a weak match', (query, id) => {
		const hits = engine.search(query);
		expect(hits[0]?.id).toBe(id);
		expect(opensOnWeakMatch(hits)).toBe(false);
	});

	it('工本费, in eight demo answers, puts one that states it first, and the passage terms name it', () => {
		const hits = engine.search('工本费');
		expect(answerOf(hits[0]!.id)).toContain('工本费');
		expect(hits[0]!.answerTerms).toEqual(expect.arrayContaining(['工本', '本费']));
		const holding = demoEntries
			.filter((entry) => entry.answerText.includes('工本费'))
			.map((entry) => entry._id);
		expect(holding).toHaveLength(8);
		expect(hits.slice(0, 10).map((hit) => hit.id)).toEqual(expect.arrayContaining(holding));
	});

	it('我孩子考试压力大睡不着 is a weak match: nothing in the demo answers it', () => {
		expect(opensOnWeakMatch(engine.search('我孩子考试压力大睡不着'))).toBe(true);
	});
});
