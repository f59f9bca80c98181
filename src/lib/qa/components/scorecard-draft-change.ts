// How the scorecard builder's parts hand back an edit: the builder holds the draft and the form to focus in.
import type { Scorecard } from '$lib/db/generated/documents';

/**
 * Reports the edited draft. `focusNext` lists selectors (within the builder's form) for where the cursor
 * goes once the change is drawn; the first enabled match wins.
 */
export type ScorecardDraftChange = (edited: Scorecard, focusNext?: string[]) => void;
