import { describe, expect, it } from 'vitest';
import { packFrequencies, TermPostings } from './term-postings';

const postingsOf = (postings: TermPostings, term: string) => {
	const found: [number, number][] = [];
	postings.forEach(term, (entry, packed) => found.push([entry, packed]));
	return found;
};

describe('TermPostings', () => {
	it('packs field frequencies into a byte', () => {
		expect(packFrequencies(1, 0)).toBe(1);
		expect(packFrequencies(20, 5)).toBe(15 | (5 << 4));
		expect(packFrequencies(3, 40)).toBe(3 | (15 << 4));
	});

	it('keeps postings of bigrams, counts every term, and survives compaction and a round trip', () => {
		const postings = new TermPostings();
		// entry numbers far apart exercise multi-byte distances
		const entries = [0, 1, 200, 70_000, 3_000_000];
		for (const entry of entries) {
			postings.add(
				entry,
				new Map([
					['社保', 2],
					['社', 1],
					['补办', (1 << 8) | (2 << 16)]
				])
			);
		}
		expect(postings.documentFrequency('社保')).toBe(5);
		expect(postings.documentFrequency('社')).toBe(5);
		expect(postingsOf(postings, '社')).toEqual([]);
		const expected = entries.map((entry) => [entry, packFrequencies(2, 0)]);
		expect(postingsOf(postings, '社保')).toEqual(expected);

		postings.compact();
		expect(postings.freshPostings).toBe(0);
		expect(postingsOf(postings, '社保')).toEqual(expected);
		expect(postingsOf(postings, '补办')).toEqual(entries.map((entry) => [entry, packFrequencies(0, 1)]));

		postings.add(3_000_001, new Map([['社保', 1]]));
		expect(postingsOf(postings, '社保').at(-1)).toEqual([3_000_001, 1]);

		postings.forget(['社保', '社', '补办']);
		postings.compact((entry) => entry !== 200);
		expect(postingsOf(postings, '社保').map(([entry]) => entry)).toEqual([
			0, 1, 70_000, 3_000_000, 3_000_001
		]);
		expect(postings.documentFrequency('社保')).toBe(5);

		const restored = TermPostings.import(structuredClone(postings.export()));
		expect(postingsOf(restored, '社保')).toEqual(postingsOf(postings, '社保'));
		expect(restored.documentFrequency('补办')).toBe(4);
		expect(restored.documentFrequency('无')).toBe(0);
		expect(restored.rangeOf('无')).toBeUndefined();
	});
});
