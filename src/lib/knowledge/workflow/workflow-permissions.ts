// Which workflow buttons a person sees on an entry (the server enforces the same rules; this only hides what would fail).
import type { Entry } from '$lib/db/generated/documents';
import type { Role } from '$lib/db/catalog';

export interface AvailableActions {
	edit: boolean;
	submit: boolean;
	withdraw: boolean;
	approve: boolean;
	reject: boolean;
	archive: boolean;
	republish: boolean;
	markReviewed: boolean;
	discardRevision: boolean;
}

export function availableActions(
	entry: Entry,
	user: { name: string; roles: readonly Role[] }
): AvailableActions {
	const editor = user.roles.some((role) => role === 'editor' || role === 'reviewer' || role === 'admin');
	const reviewer = user.roles.some((role) => role === 'reviewer' || role === 'admin');
	const revision = entry.revision;
	const inReview = revision ? revision.status === 'inReview' : entry.status === 'inReview';
	const author = revision ? revision.createdBy : entry.createdBy;
	return {
		edit: editor && (entry.status === 'draft' || (entry.status === 'published' && !inReview)),
		submit: editor && (revision ? revision.status === 'draft' : entry.status === 'draft'),
		withdraw: inReview && (reviewer || author === user.name),
		approve: reviewer && inReview,
		reject: reviewer && inReview,
		archive: reviewer && entry.status === 'published',
		republish: reviewer && entry.status === 'archived',
		markReviewed: editor && entry.status === 'published',
		discardRevision: Boolean(revision) && revision!.status === 'draft' && (reviewer || author === user.name)
	};
}
