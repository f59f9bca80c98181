import { describe, expect, it } from 'vitest';
import type { Entry } from '$lib/db/generated/documents';
import { AT, draftEntry } from '../../../../tests/fixtures/documents';
import { availableActions, type AvailableActions } from './workflow-permissions';

const editor = { name: 'editor01', roles: ['editor'] as const };
const otherEditor = { name: 'editor02', roles: ['editor'] as const };
const reviewer = { name: 'reviewer01', roles: ['reviewer', 'editor'] as const };
const agent = { name: 'agent01', roles: ['agent'] as const };
const published = draftEntry({ status: 'published' });
const withRevision = (status: 'draft' | 'inReview'): Entry => ({
	...published,
	revision: {
		...draftEntry(),
		status,
		baseVersion: 1,
		createdBy: 'editor01',
		createdAt: AT,
		updatedBy: 'editor01',
		updatedAt: AT
	}
});
const on = (actions: AvailableActions) =>
	Object.entries(actions)
		.filter(([, allowed]) => allowed)
		.map(([action]) => action)
		.sort();

describe('workflow buttons', () => {
	it.each<[string, Entry, { name: string; roles: readonly ('editor' | 'reviewer' | 'agent')[] }, string[]]>([
		['author on a draft', draftEntry(), editor, ['edit', 'submit']],
		['agent on a draft', draftEntry(), agent, []],
		['author on a submission', draftEntry({ status: 'inReview' }), editor, ['withdraw']],
		['another editor on a submission', draftEntry({ status: 'inReview' }), otherEditor, []],
		[
			'reviewer on a submission',
			draftEntry({ status: 'inReview' }),
			reviewer,
			['approve', 'reject', 'withdraw']
		],
		['editor on a published entry', published, editor, ['edit', 'markReviewed']],
		['reviewer on a published entry', published, reviewer, ['archive', 'edit', 'markReviewed']],
		[
			'author of a revision draft',
			withRevision('draft'),
			editor,
			['discardRevision', 'edit', 'markReviewed', 'submit']
		],
		[
			'reviewer on a revision in review',
			withRevision('inReview'),
			reviewer,
			['approve', 'archive', 'markReviewed', 'reject', 'withdraw']
		],
		['reviewer on an archived entry', draftEntry({ status: 'archived' }), reviewer, ['republish']]
	])('%s', (_name, entry, user, expected) => {
		expect(on(availableActions(entry, user))).toEqual(expected);
	});
});
