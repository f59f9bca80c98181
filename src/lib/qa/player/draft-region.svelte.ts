// The one comment being written and its region on the waveform: a marker at a moment ("在此处评论", C) or the
// span dragged out. A new one replaces it, and closing it removes its region.
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { CallRegions } from './call-waveform';
import { draftSpan, type DraftSpan } from './comment-draft';
import { addDraftMarker } from './comment-regions';

export class DraftRegion {
	/** Where the comment goes; null while none is being written. */
	span = $state.raw<DraftSpan | null>(null);
	// wavesurfer's region stays a plain field: it must never become a reactive proxy.
	#region: Region | null = null;
	readonly #duration: () => number;

	/** `duration` is the call's length in seconds, read whenever a span is worked out. */
	constructor(duration: () => number) {
		this.#duration = duration;
	}

	/** A span dragged out on the waveform becomes the comment's. */
	takeDragged(region: Region) {
		this.#replaceRegion(region);
		this.span = draftSpan(region.start, region.end, this.#duration());
	}

	/** The dragged span was moved or resized (any other region is not ours). */
	follow(region: Region) {
		if (region === this.#region) this.span = draftSpan(region.start, region.end, this.#duration());
	}

	pinAt(regions: CallRegions, seconds: number) {
		this.#replaceRegion(addDraftMarker(regions, seconds));
		this.span = draftSpan(seconds, undefined, this.#duration());
	}

	/** Closes the comment and removes its region. */
	close() {
		this.#replaceRegion(null);
		this.span = null;
	}

	/** The waveform was destroyed, and its regions with it: nothing is left to remove. */
	forget() {
		this.#region = null;
		this.span = null;
	}

	#replaceRegion(region: Region | null) {
		if (this.#region !== region) this.#region?.remove();
		this.#region = region;
	}
}
