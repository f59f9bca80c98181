// A scorecard that has been used is never changed in place: evaluations keep the version they were scored
// on, so an edit becomes the next version and the old one retires.
import type { Scorecard } from '$lib/db/generated/documents';

export function scorecardId(family: string, version: number): string {
	return `scorecard:${family}-v${version}`;
}

export interface ScorecardRevision {
	/** What to write, in order: the retired old version (if any), then the version carrying the edit. */
	documents: Scorecard[];
	newVersion: boolean;
}

export class RetiredScorecardError extends Error {
	constructor() {
		super('已停用的评分表版本不可修改，请编辑最新版本');
		this.name = 'RetiredScorecardError';
	}
}

/**
 * Saves `edited` over `current`. Unused: the same document, edited in place (its `_rev` kept so the write
 * replaces it). Used: `current` is written back unchanged but `retired: true`, and the edit becomes
 * `scorecard:<family>-v<version + 1>`, a new document. `_id`, family and version are always taken from
 * `current`, never from the edit. Editing a retired version throws: its successor already exists.
 */
export function reviseScorecard(
	current: Scorecard,
	edited: Scorecard,
	context: { used: boolean; user: string; now: string }
): ScorecardRevision {
	if (current.retired) throw new RetiredScorecardError();
	const stamp = { updatedBy: context.user, updatedAt: context.now };
	// What the edit must not decide: which document it is, its version, whether it is retired.
	const {
		_id: _editedId,
		_rev: _editedRev,
		family: _editedFamily,
		version: _editedVersion,
		retired: _editedRetired,
		...content
	} = edited;
	if (!context.used) {
		const inPlace: Scorecard = {
			...content,
			_id: current._id,
			...(current._rev ? { _rev: current._rev } : {}),
			type: 'scorecard',
			family: current.family,
			version: current.version,
			...stamp
		};
		return { documents: [inPlace], newVersion: false };
	}
	const next = current.version + 1;
	return {
		documents: [
			{ ...current, retired: true, ...stamp },
			{
				...content,
				_id: scorecardId(current.family, next),
				type: 'scorecard',
				family: current.family,
				version: next,
				...stamp
			}
		],
		newVersion: true
	};
}
