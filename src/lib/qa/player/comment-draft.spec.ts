import { describe, expect, it } from 'vitest';
import { commentFromDraft, draftSpan } from './comment-draft';

describe('draftSpan', () => {
	it('rounds a dragged span to tenths of a second', () => {
		expect(draftSpan(12.345, 17.891, 60)).toEqual({ startSeconds: 12.3, endSeconds: 17.9 });
	});

	it('takes a short drag or a click as one moment', () => {
		expect(draftSpan(12.3, 12.6, 60)).toEqual({ startSeconds: 12.3 });
		expect(draftSpan(40.04, undefined, 60)).toEqual({ startSeconds: 40 });
	});

	it('keeps the span inside the call', () => {
		expect(draftSpan(-1, 3, 60)).toEqual({ startSeconds: 0, endSeconds: 3 });
		expect(draftSpan(58, 61, 60)).toEqual({ startSeconds: 58, endSeconds: 60 });
	});
});

describe('commentFromDraft', () => {
	it('saves the trimmed text with the span and the scorecard item', () => {
		expect(commentFromDraft({ startSeconds: 3, endSeconds: 8 }, '  打断来电人 ', 'listening')).toEqual({
			startSeconds: 3,
			endSeconds: 8,
			text: '打断来电人',
			criterionKey: 'listening'
		});
	});

	it('leaves out what was not given', () => {
		expect(commentFromDraft({ startSeconds: 3 }, '语气生硬', '')).toEqual({
			startSeconds: 3,
			text: '语气生硬'
		});
	});

	it('saves nothing without text', () => {
		expect(commentFromDraft({ startSeconds: 3 }, '   ', 'listening')).toBeNull();
	});
});
