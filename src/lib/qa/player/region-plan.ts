// Which comment regions to add, redraw or remove when the comments change. Compared by id, so saving one
// comment on a call with a hundred adds one region and leaves the other ninety-nine alone.
import { formatSpan } from './time-format';

export interface RegionSpot {
	startSeconds: number;
	/** None for a comment on one moment: drawn as a marker. */
	endSeconds?: number;
	/** Shown on hover: the time, the scorecard item and the comment. */
	title: string;
}

export interface RegionPlan {
	add: string[];
	/** Moved or resized: drawn again. */
	redraw: string[];
	/** Same place, new wording: only the hover text changes. */
	retitle: string[];
	remove: string[];
}

export function planRegions(
	drawn: ReadonlyMap<string, RegionSpot>,
	wanted: ReadonlyMap<string, RegionSpot>
): RegionPlan {
	const plan: RegionPlan = { add: [], redraw: [], retitle: [], remove: [] };
	for (const id of drawn.keys()) if (!wanted.has(id)) plan.remove.push(id);
	for (const [id, spot] of wanted) {
		const current = drawn.get(id);
		if (!current) plan.add.push(id);
		else if (current.startSeconds !== spot.startSeconds || current.endSeconds !== spot.endSeconds)
			plan.redraw.push(id);
		else if (current.title !== spot.title) plan.retitle.push(id);
	}
	return plan;
}

export interface SpottedComment {
	id: string;
	startSeconds: number;
	endSeconds?: number;
	text: string;
	criterionKey?: string;
}

/** Where each comment goes on the waveform, with its hover text: `1:05–1:12 【耐心倾听】 打断来电人`. */
export function regionSpots(
	comments: readonly SpottedComment[],
	criterionNames: ReadonlyMap<string, string>
): Map<string, RegionSpot> {
	return new Map(
		comments.map((comment) => {
			const criterion = comment.criterionKey
				? `【${criterionNames.get(comment.criterionKey) ?? comment.criterionKey}】`
				: '';
			const spot: RegionSpot = {
				startSeconds: comment.startSeconds,
				...(comment.endSeconds !== undefined ? { endSeconds: comment.endSeconds } : {}),
				title: [formatSpan(comment.startSeconds, comment.endSeconds), criterion, comment.text]
					.filter(Boolean)
					.join(' ')
			};
			return [comment.id, spot];
		})
	);
}
