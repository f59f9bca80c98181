// The player's keyboard: Space play/pause, ←/→ 5 s, [ ] (or - +) speed, C comment here, Esc drops the comment
// being written. Keys typed into a form field (the scoring form beside the player) are left alone, and so is
// Space on a button elsewhere on the page, which belongs to that button.
export type PlayerAction =
	| { kind: 'toggle' }
	| { kind: 'seekBy'; seconds: number }
	| { kind: 'speed'; step: -1 | 1 }
	| { kind: 'commentHere' }
	| { kind: 'cancelDraft' };

export const SEEK_STEP_SECONDS = 5;
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** Where the key went: a field that takes typing, a control that takes Space/Enter, or the page (or the player). */
export type KeyTarget = 'typing' | 'control' | 'page';

export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	/** Held down: Space must not flicker between play and pause. */
	repeat: boolean;
	target: KeyTarget;
}

export function playerActionFor(press: KeyPress): PlayerAction | null {
	if (press.target === 'typing' || press.ctrlKey || press.metaKey || press.altKey) return null;
	switch (press.key) {
		case ' ':
			return press.target === 'control' || press.repeat ? null : { kind: 'toggle' };
		case 'ArrowLeft':
			return { kind: 'seekBy', seconds: -SEEK_STEP_SECONDS };
		case 'ArrowRight':
			return { kind: 'seekBy', seconds: SEEK_STEP_SECONDS };
		case '[':
		case '-':
			return { kind: 'speed', step: -1 };
		case ']':
		case '=':
		case '+':
			return { kind: 'speed', step: 1 };
		case 'c':
		case 'C':
			return press.repeat ? null : { kind: 'commentHere' };
		case 'Escape':
			return { kind: 'cancelDraft' };
		default:
			return null;
	}
}

/** The next speed up or down the list, staying within 0.5×–2×. */
export function nextSpeed(current: number, step: -1 | 1): number {
	const index = SPEEDS.findIndex((speed) => speed >= current);
	const at = index < 0 ? SPEEDS.length - 1 : index;
	return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + step))]!;
}

/** What the key handler needs to know about the focused element (the DOM's, or a test's stand-in). */
export interface FocusedElement {
	tagName: string;
	isContentEditable?: boolean;
	type?: string | null;
	role?: string | null;
}

const TYPING_TAGS = new Set(['TEXTAREA', 'SELECT']);
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);
const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);
// Widgets that use the arrow keys themselves.
const TYPING_ROLES = new Set([
	'textbox',
	'combobox',
	'listbox',
	'slider',
	'spinbutton',
	'radiogroup',
	'menu'
]);
const CONTROL_ROLES = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'option']);

/** The player's own buttons count as the page: Space there plays and pauses instead of clicking again. */
export function keyTargetOf(element: FocusedElement | null, insidePlayer: boolean): KeyTarget {
	if (!element) return 'page';
	const tag = element.tagName.toUpperCase();
	const role = element.role ?? '';
	if (element.isContentEditable || TYPING_TAGS.has(tag) || TYPING_ROLES.has(role)) return 'typing';
	if (tag === 'INPUT')
		return BUTTON_INPUT_TYPES.has((element.type ?? '').toLowerCase()) ? 'control' : 'typing';
	if (CONTROL_TAGS.has(tag) || CONTROL_ROLES.has(role)) return insidePlayer ? 'page' : 'control';
	return 'page';
}

export function describeFocus(element: Element): FocusedElement {
	return {
		tagName: element.tagName,
		isContentEditable: 'isContentEditable' in element && element.isContentEditable === true,
		type: element.getAttribute('type'),
		role: element.getAttribute('role')
	};
}

/** The press as `playerActionFor` reads it; `player` is the player's element, to tell its own buttons apart. */
export function keyPressOf(event: KeyboardEvent, player: Element): KeyPress {
	const target = event.target instanceof Element ? event.target : null;
	return {
		key: event.key,
		ctrlKey: event.ctrlKey,
		metaKey: event.metaKey,
		altKey: event.altKey,
		repeat: event.repeat,
		target: keyTargetOf(target && describeFocus(target), Boolean(target && player.contains(target)))
	};
}
