import { describe, expect, it } from 'vitest';
import { nextSpeed, playerActionFor, type KeyInput } from './player-keys';
import { formatDuration } from './time-format';
import { segmentAt } from './transcript-position';

const key = (value: string, extra: Partial<KeyInput> = {}): KeyInput => ({
	key: value,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	targetIsEditable: false,
	...extra
});

describe('player keys', () => {
	it.each([
		[' ', { kind: 'toggle' }],
		['ArrowLeft', { kind: 'seekBy', seconds: -5 }],
		['ArrowRight', { kind: 'seekBy', seconds: 5 }],
		['[', { kind: 'speed', step: -1 }],
		[']', { kind: 'speed', step: 1 }],
		['c', { kind: 'commentHere' }],
		['x', null]
	])('%j → %j', (value, action) => {
		expect(playerActionFor(key(value))).toEqual(action);
	});

	it('ignores keys typed into form fields and shortcuts with modifiers', () => {
		expect(playerActionFor(key(' ', { targetIsEditable: true }))).toBeNull();
		expect(playerActionFor(key('ArrowLeft', { ctrlKey: true }))).toBeNull();
	});

	it('steps the speed between 0.5× and 2×', () => {
		expect(nextSpeed(1, 1)).toBe(1.25);
		expect(nextSpeed(1, -1)).toBe(0.75);
		expect(nextSpeed(2, 1)).toBe(2);
		expect(nextSpeed(0.5, -1)).toBe(0.5);
	});
});

describe('time format', () => {
	it.each([
		[0, '0:00'],
		[65.9, '1:05'],
		[3599, '59:59'],
		[3600, '1:00:00'],
		[3725, '1:02:05']
	])('%d s → %s', (seconds, text) => {
		expect(formatDuration(seconds)).toBe(text);
	});
});

describe('current transcript segment', () => {
	const segments = [
		{ startSeconds: 0, endSeconds: 4 },
		{ startSeconds: 4.5, endSeconds: 9 },
		{ startSeconds: 9, endSeconds: 12 }
	];
	it.each([
		[0, 0],
		[3.99, 0],
		[4.2, -1],
		[4.5, 1],
		[9, 2],
		[12, -1],
		[-1, -1]
	])('at %d s → %d', (seconds, index) => {
		expect(segmentAt(segments, seconds)).toBe(index);
	});

	it('finds the segment among thousands', () => {
		const many = Array.from({ length: 3600 }, (_, i) => ({ startSeconds: i, endSeconds: i + 0.9 }));
		expect(segmentAt(many, 1234.5)).toBe(1234);
		expect(segmentAt(many, 1234.95)).toBe(-1);
	});
});
