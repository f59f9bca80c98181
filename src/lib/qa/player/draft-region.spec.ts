import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { describe, expect, it, vi } from 'vitest';
import type { CallRegions } from './call-waveform';
import { DraftRegion } from './draft-region.svelte';

const fakeRegion = (start: number, end: number) => ({ start, end, remove: vi.fn() }) as unknown as Region;

const fakeRegions = (marker: Region) => ({ addRegion: vi.fn(() => marker) }) as unknown as CallRegions;

describe('DraftRegion', () => {
	it('takes a dragged span, and follows it when moved', () => {
		const draft = new DraftRegion(() => 60);
		const dragged = fakeRegion(12.345, 17.891);
		draft.takeDragged(dragged);
		expect(draft.span).toEqual({ startSeconds: 12.3, endSeconds: 17.9 });
		dragged.end = 20;
		draft.follow(dragged);
		expect(draft.span).toEqual({ startSeconds: 12.3, endSeconds: 20 });
	});

	it('ignores updates to regions that are not the draft', () => {
		const draft = new DraftRegion(() => 60);
		draft.takeDragged(fakeRegion(1, 5));
		draft.follow(fakeRegion(30, 40));
		expect(draft.span).toEqual({ startSeconds: 1, endSeconds: 5 });
	});

	it('replaces the last draft, removing its region', () => {
		const draft = new DraftRegion(() => 60);
		const first = fakeRegion(1, 5);
		draft.takeDragged(first);
		draft.pinAt(fakeRegions(fakeRegion(8, 8)), 8.04);
		expect(first.remove).toHaveBeenCalledOnce();
		expect(draft.span).toEqual({ startSeconds: 8 });
	});

	it('removes its region when closed, but not once the waveform is gone', () => {
		const draft = new DraftRegion(() => 60);
		const closed = fakeRegion(1, 5);
		draft.takeDragged(closed);
		draft.close();
		expect(closed.remove).toHaveBeenCalledOnce();
		expect(draft.span).toBeNull();

		const forgotten = fakeRegion(1, 5);
		draft.takeDragged(forgotten);
		draft.forget();
		draft.close();
		expect(forgotten.remove).not.toHaveBeenCalled();
		expect(draft.span).toBeNull();
	});
});
