// The player's keyboard: Space play/pause, ←/→ 5 s, [ and ] speed, C comment here. Keys typed into a form
// field beside the player (the scoring form) are left alone.
export type PlayerAction =
	| { kind: 'toggle' }
	| { kind: 'seekBy'; seconds: number }
	| { kind: 'speed'; step: -1 | 1 }
	| { kind: 'commentHere' };

export const SEEK_STEP_SECONDS = 5;
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface KeyInput {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	/** The element the key went to: typing there is not a player command. */
	targetIsEditable: boolean;
}

export function playerActionFor(input: KeyInput): PlayerAction | null {
	if (input.targetIsEditable || input.ctrlKey || input.metaKey || input.altKey) return null;
	switch (input.key) {
		case ' ':
			return { kind: 'toggle' };
		case 'ArrowLeft':
			return { kind: 'seekBy', seconds: -SEEK_STEP_SECONDS };
		case 'ArrowRight':
			return { kind: 'seekBy', seconds: SEEK_STEP_SECONDS };
		case '[':
			return { kind: 'speed', step: -1 };
		case ']':
			return { kind: 'speed', step: 1 };
		case 'c':
		case 'C':
			return { kind: 'commentHere' };
		default:
			return null;
	}
}

export function nextSpeed(current: number, step: -1 | 1): number {
	const index = SPEEDS.findIndex((speed) => speed >= current);
	const at = index < 0 ? SPEEDS.length - 1 : index;
	return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + step))]!;
}

export function isEditableTarget(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
