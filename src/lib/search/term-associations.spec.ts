import { describe, expect, it } from 'vitest';
import { pairsOfEntry, TermAssociations } from './term-associations';

describe('term associations', () => {
	it('pairs the bigrams in which a similar question differs from its standard question', () => {
		const pairs = pairsOfEntry('退休金怎么领', ['养老金怎么领']);
		expect(pairs).toContain('退休\t养老');
		expect(pairs).toContain('养老\t退休');
		expect(pairs).not.toContain('怎么\t怎么');
	});

	it('ignores similar questions that share nothing or differ too much', () => {
		expect(pairsOfEntry('退休金怎么领', ['退休金怎么领'])).toEqual([]);
		expect(pairsOfEntry('退休金怎么领', ['孩子上学需要准备哪些材料和证明'])).toEqual([]);
	});

	it('uses a pair once two entries taught it, and forgets it when they go', () => {
		const associations = new TermAssociations();
		const first = pairsOfEntry('退休金怎么领', ['养老金怎么领']);
		const second = pairsOfEntry('退休金多少', ['养老金多少']);
		associations.apply(first, 1);
		expect(associations.related('退休')).toEqual([]);
		associations.apply(second, 1);
		expect(associations.related('退休').map((association) => association.term)).toContain('养老');
		associations.apply(second, -1);
		expect(associations.related('退休')).toEqual([]);
	});
});
