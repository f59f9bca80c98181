import { describe, expect, it } from 'vitest';
import { readNumberInput } from './number-input';

const field = (value: string, valueAsNumber: number, badInput = false) => ({
	value,
	valueAsNumber,
	validity: { badInput } as ValidityState
});

describe('readNumberInput', () => {
	it.each([
		{ what: 'a number', input: field('8.5', 8.5), empty: undefined, expected: 8.5 },
		{ what: 'zero', input: field('0', 0), empty: undefined, expected: 0 },
		{ what: 'empty, as NaN', input: field('', Number.NaN), empty: Number.NaN, expected: Number.NaN },
		{ what: 'empty, as undefined', input: field('', Number.NaN), empty: undefined, expected: undefined },
		{ what: 'half-typed', input: field('', Number.NaN, true), empty: Number.NaN, expected: null }
	])('reads $what', ({ input, empty, expected }) => {
		expect(readNumberInput(input, empty)).toBe(expected);
	});
});
