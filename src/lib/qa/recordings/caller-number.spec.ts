import { describe, expect, it } from 'vitest';
import { maskCallerNumber, mayViewCallerNumbers } from './caller-number';

describe('caller numbers', () => {
	it.each([
		['13812341234', '138****1234'],
		['+8613812341234', '+86138****1234'],
		['0571-88881234', '0571-****1234'],
		['010-12345678', '010-****5678'],
		['88881234', '****1234'],
		['12345', '*2345'],
		['110', '***']
	])('%s → %s', (number, masked) => {
		expect(maskCallerNumber(number)).toBe(masked);
	});

	it('shows whole numbers to supervisors and admins only', () => {
		expect(mayViewCallerNumbers(['inspector'])).toBe(false);
		expect(mayViewCallerNumbers(['agent', 'editor'])).toBe(false);
		expect(mayViewCallerNumbers(['supervisor', 'inspector'])).toBe(true);
		expect(mayViewCallerNumbers(['admin'])).toBe(true);
	});
});
