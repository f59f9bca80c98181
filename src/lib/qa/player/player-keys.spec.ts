import { describe, expect, it } from 'vitest';
import { keyTargetOf, nextSpeed, playerActionFor, type KeyPress } from './player-keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	repeat: false,
	target: 'page',
	...extra
});

describe('playerActionFor', () => {
	it.each([
		[' ', { kind: 'toggle' }],
		['ArrowLeft', { kind: 'seekBy', seconds: -5 }],
		['ArrowRight', { kind: 'seekBy', seconds: 5 }],
		['[', { kind: 'speed', step: -1 }],
		['-', { kind: 'speed', step: -1 }],
		[']', { kind: 'speed', step: 1 }],
		['=', { kind: 'speed', step: 1 }],
		['+', { kind: 'speed', step: 1 }],
		['c', { kind: 'commentHere' }],
		['C', { kind: 'commentHere' }],
		['Escape', { kind: 'cancelDraft' }],
		['x', null],
		['Enter', null]
	])('%j → %j', (key, action) => {
		expect(playerActionFor(press(key))).toEqual(action);
	});

	it('leaves keys typed into form fields alone', () => {
		for (const key of [' ', 'ArrowLeft', 'c', '[', 'Escape'])
			expect(playerActionFor(press(key, { target: 'typing' }))).toBeNull();
	});

	it('leaves Space to a focused button outside the player, but still seeks with the arrows', () => {
		expect(playerActionFor(press(' ', { target: 'control' }))).toBeNull();
		expect(playerActionFor(press('ArrowRight', { target: 'control' }))).toEqual({
			kind: 'seekBy',
			seconds: 5
		});
	});

	it('ignores shortcuts with modifiers and a held Space or C', () => {
		expect(playerActionFor(press('ArrowLeft', { ctrlKey: true }))).toBeNull();
		expect(playerActionFor(press('c', { metaKey: true }))).toBeNull();
		expect(playerActionFor(press('[', { altKey: true }))).toBeNull();
		expect(playerActionFor(press(' ', { repeat: true }))).toBeNull();
		expect(playerActionFor(press('c', { repeat: true }))).toBeNull();
		expect(playerActionFor(press('ArrowRight', { repeat: true }))).toEqual({ kind: 'seekBy', seconds: 5 });
	});
});

describe('nextSpeed', () => {
	it.each([
		[1, 1, 1.25],
		[1, -1, 0.75],
		[1.75, 1, 2],
		[2, 1, 2],
		[0.5, -1, 0.5],
		[1.1, 1, 1.5],
		[3, -1, 1.75]
	] as const)('%d× %d → %d×', (current, step, next) => {
		expect(nextSpeed(current, step)).toBe(next);
	});
});

describe('keyTargetOf', () => {
	it.each([
		[null, false, 'page'],
		[{ tagName: 'BODY' }, false, 'page'],
		[{ tagName: 'TEXTAREA' }, false, 'typing'],
		[{ tagName: 'SELECT' }, true, 'typing'],
		[{ tagName: 'INPUT', type: 'text' }, false, 'typing'],
		[{ tagName: 'INPUT', type: 'radio' }, false, 'typing'],
		[{ tagName: 'INPUT', type: 'range' }, true, 'typing'],
		[{ tagName: 'INPUT' }, false, 'typing'],
		[{ tagName: 'INPUT', type: 'submit' }, false, 'control'],
		[{ tagName: 'DIV', isContentEditable: true }, false, 'typing'],
		[{ tagName: 'DIV', role: 'slider' }, false, 'typing'],
		[{ tagName: 'BUTTON' }, false, 'control'],
		[{ tagName: 'A' }, false, 'control'],
		[{ tagName: 'DIV', role: 'tab' }, false, 'control'],
		[{ tagName: 'BUTTON' }, true, 'page'],
		[{ tagName: 'DIV' }, true, 'page']
	] as const)('%j inside the player: %s → %s', (element, insidePlayer, target) => {
		expect(keyTargetOf(element, insidePlayer)).toBe(target);
	});
});
