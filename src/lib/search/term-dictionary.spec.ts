import { describe, expect, it } from 'vitest';
import { TermDictionary } from './term-dictionary';

describe('TermDictionary', () => {
	it('gives each term one id, before and after packing, and through export and import', () => {
		const dictionary = new TermDictionary();
		const terms = Array.from({ length: 5_000 }, (_, index) => `词${index}`);
		terms.push('工本', '12333', '人社部发〔2023〕12号', 'a');
		const ids = terms.map((term) => dictionary.add(term));
		expect(ids).toEqual(terms.map((_, index) => index));
		expect(dictionary.add('工本')).toBe(ids[5_000]);
		dictionary.pack();
		const restored = TermDictionary.import(dictionary.export());
		for (const [index, term] of terms.entries()) {
			expect(restored.idOf(term)).toBe(index);
			expect(restored.termAt(index)).toBe(term);
		}
		// A prefix or an extension of a packed term is another term.
		expect(restored.idOf('工')).toBeUndefined();
		expect(restored.idOf('工本费')).toBeUndefined();
		expect(restored.idOf('')).toBeUndefined();
		const added = restored.add('工本费');
		expect(added).toBe(terms.length);
		expect(restored.idOf('工本费')).toBe(added);
		expect(restored.termAt(added)).toBe('工本费');
		restored.pack();
		expect(restored.idOf('工本费')).toBe(added);
		expect(restored.idOf('词4999')).toBe(4_999);
		expect(restored.size).toBe(terms.length + 1);
	});
});
