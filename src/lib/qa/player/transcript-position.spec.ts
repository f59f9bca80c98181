import { describe, expect, it } from 'vitest';
import { inTimeOrder, scrollTopToReveal, segmentAt, segmentTimeline } from './transcript-position';

describe('segmentAt', () => {
	const timeline = segmentTimeline([
		{ startSeconds: 0, endSeconds: 4 },
		{ startSeconds: 4.5, endSeconds: 9 },
		{ startSeconds: 9, endSeconds: 12 }
	]);

	it.each([
		[0, 0],
		[3.99, 0],
		[4.2, -1],
		[4.5, 1],
		[8.99, 1],
		[9, 2],
		[12, -1],
		[60, -1],
		[-1, -1]
	])('at %d s → %d', (seconds, index) => {
		expect(segmentAt(timeline, seconds)).toBe(index);
	});

	it('marks the segment still running when a later, shorter one has ended (talking over each other)', () => {
		const overlapping = segmentTimeline([
			{ startSeconds: 10, endSeconds: 20 },
			{ startSeconds: 12, endSeconds: 14 },
			{ startSeconds: 25, endSeconds: 30 }
		]);
		expect(segmentAt(overlapping, 11)).toBe(0);
		expect(segmentAt(overlapping, 13)).toBe(1);
		expect(segmentAt(overlapping, 15)).toBe(0);
		expect(segmentAt(overlapping, 22)).toBe(-1);
		expect(segmentAt(overlapping, 26)).toBe(2);
	});

	it('finds nothing in an empty transcript', () => {
		expect(segmentAt(segmentTimeline([]), 5)).toBe(-1);
	});

	it('finds the segment among thousands', () => {
		const many = segmentTimeline(
			Array.from({ length: 3600 }, (_, i) => ({ startSeconds: i, endSeconds: i + 0.9 }))
		);
		expect(segmentAt(many, 1234.5)).toBe(1234);
		expect(segmentAt(many, 1234.95)).toBe(-1);
		expect(segmentAt(many, 3599.1)).toBe(3599);
	});

	it('orders a transcript that came out of order, and keeps an ordered one as it is', () => {
		const ordered = [
			{ startSeconds: 0, endSeconds: 1 },
			{ startSeconds: 2, endSeconds: 3 }
		];
		expect(inTimeOrder(ordered)).toBe(ordered);
		const shuffled = [ordered[1]!, ordered[0]!];
		expect(inTimeOrder(shuffled)).toEqual(ordered);
		expect(segmentAt(segmentTimeline(shuffled), 2.5)).toBe(1);
	});
});

describe('scrollTopToReveal', () => {
	it('leaves a visible item where it is', () => {
		expect(scrollTopToReveal(100, 30, 50, 300)).toBeNull();
	});

	it('brings an item below or above the view to a third of the way down', () => {
		expect(scrollTopToReveal(600, 30, 0, 300)).toBe(500);
		expect(scrollTopToReveal(20, 30, 400, 300)).toBe(0);
		expect(scrollTopToReveal(380, 30, 100, 300)).toBe(280);
	});
});
