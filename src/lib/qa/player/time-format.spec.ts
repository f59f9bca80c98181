import { describe, expect, it } from 'vitest';
import { formatDuration, formatSpan } from './time-format';

describe('formatDuration', () => {
	it.each([
		[0, '0:00'],
		[65.9, '1:05'],
		[599, '9:59'],
		[3599, '59:59'],
		[3600, '1:00:00'],
		[3725, '1:02:05'],
		[-3, '0:00'],
		[Number.NaN, '0:00']
	])('%d s → %s', (seconds, text) => {
		expect(formatDuration(seconds)).toBe(text);
	});
});

describe('formatSpan', () => {
	it('shows a moment or a span', () => {
		expect(formatSpan(65)).toBe('1:05');
		expect(formatSpan(65, 72.4)).toBe('1:05–1:12');
	});
});
