// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { locateOccurrence, rangeOfOccurrence } from './text-occurrence';

describe('locateOccurrence', () => {
	it.each([
		[
			'in one chunk',
			['收取工本费。'],
			'工本费',
			0,
			{ start: { chunk: 0, offset: 2 }, end: { chunk: 0, offset: 5 } }
		],
		[
			'across chunks',
			['收取', '工本', '费。'],
			'工本费',
			0,
			{ start: { chunk: 1, offset: 0 }, end: { chunk: 2, offset: 1 } }
		],
		[
			'the second occurrence',
			['拨打12333', '或12333'],
			'12333',
			1,
			{ start: { chunk: 1, offset: 1 }, end: { chunk: 1, offset: 6 } }
		],
		[
			'the first when there are fewer',
			['拨打12333'],
			'12333',
			2,
			{ start: { chunk: 0, offset: 2 }, end: { chunk: 0, offset: 7 } }
		],
		['none', ['首次申领免费'], '工本费', 0, null],
		['nothing asked', ['首次申领免费'], '', 0, null]
	])('%s', (_, chunks, text, occurrence, expected) => {
		expect(locateOccurrence(chunks, text, occurrence)).toEqual(expected);
	});
});

describe('rangeOfOccurrence', () => {
	it('covers the words across the elements that split them', () => {
		const answer = document.createElement('div');
		answer.innerHTML = '<p>首次申领免费。</p><p>按标准收取<strong>工本</strong>费，工本费另计。</p>';
		const range = rangeOfOccurrence(answer, '工本费', 1);
		expect(range?.toString()).toBe('工本费');
		expect(range?.startContainer.parentElement?.tagName).toBe('P');
		expect(range?.startOffset).toBe(2);
		expect(rangeOfOccurrence(answer, '居住证', 0)).toBeNull();
	});
});
