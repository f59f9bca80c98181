// The comments drawn on the waveform: a span as a shaded region, a moment as a marker line. Kept in step with
// the comment list by id (see region-plan.ts), and with the one comment being written, which is a draggable
// region from a drag on the waveform or a marker from "在此处评论".
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { CallRegions } from './call-waveform';
import { planRegions, type RegionSpot } from './region-plan';

const SPAN_COLOR = 'rgba(111, 66, 193, 0.16)';
const MARKER_COLOR = 'rgba(111, 66, 193, 0.85)';
const DRAFT_SPAN_COLOR = 'rgba(30, 127, 79, 0.22)';
const DRAFT_MARKER_COLOR = 'rgba(30, 127, 79, 0.95)';
// Every region a drag creates carries this id: that is how a drag is told from a comment being drawn.
const DRAGGED_DRAFT_ID = 'comment-draft-span';
const DRAFT_MARKER_ID = 'comment-draft-moment';

export class CommentRegions {
	readonly #regions: CallRegions;
	readonly #drawn = new Map<string, Region>();
	readonly #spots = new Map<string, RegionSpot>();

	constructor(regions: CallRegions) {
		this.#regions = regions;
	}

	show(wanted: ReadonlyMap<string, RegionSpot>) {
		const plan = planRegions(this.#spots, wanted);
		for (const id of [...plan.remove, ...plan.redraw]) {
			this.#drawn.get(id)?.remove();
			this.#drawn.delete(id);
			this.#spots.delete(id);
		}
		for (const id of [...plan.redraw, ...plan.add]) this.#draw(id, wanted.get(id)!);
		for (const id of plan.retitle) {
			const spot = wanted.get(id)!;
			this.#spots.set(id, spot);
			this.#drawn.get(id)?.element?.setAttribute('title', spot.title);
		}
	}

	#draw(id: string, spot: RegionSpot) {
		const moment = spot.endSeconds === undefined;
		const region = this.#regions.addRegion({
			id,
			start: spot.startSeconds,
			end: spot.endSeconds ?? spot.startSeconds,
			color: moment ? MARKER_COLOR : SPAN_COLOR,
			drag: false,
			resize: false
		});
		region.element?.setAttribute('title', spot.title);
		this.#drawn.set(id, region);
		this.#spots.set(id, spot);
	}
}

/** Lets a drag on the waveform start a comment on a span; returns how to stop it (read-only evaluations). */
export function enableDraftDrag(regions: CallRegions): () => void {
	return regions.enableDragSelection({ id: DRAGGED_DRAFT_ID, color: DRAFT_SPAN_COLOR });
}

export function isDraggedDraft(region: Region): boolean {
	return region.id === DRAGGED_DRAFT_ID;
}

export function addDraftMarker(regions: CallRegions, seconds: number): Region {
	return regions.addRegion({
		id: DRAFT_MARKER_ID,
		start: seconds,
		color: DRAFT_MARKER_COLOR,
		drag: false,
		resize: false
	});
}
