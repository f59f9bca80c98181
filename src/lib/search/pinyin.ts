// Toneless pinyin of common characters (GB 2312) for initials search (sbk → 社保卡) and homophone typos
// (遇期 → 逾期). The table is generated from pinyin-pro by generate-pinyin-table.ts.
import { PINYIN_TABLE } from './pinyin-table';

let syllableOf: Map<string, string> | undefined;
let charactersOf: Map<string, string> | undefined;

function load(): void {
	if (syllableOf) return;
	syllableOf = new Map();
	charactersOf = new Map();
	for (const part of PINYIN_TABLE.split('|')) {
		const syllable = /^[a-z]+/.exec(part)?.[0] ?? '';
		const characters = part.slice(syllable.length);
		charactersOf.set(syllable, characters);
		for (const character of characters) syllableOf.set(character, syllable);
	}
}

/** The character's most common toneless reading, or undefined for characters outside GB 2312. */
export function pinyinOf(character: string): string | undefined {
	load();
	return syllableOf!.get(character);
}

/** Other common characters read the same way (without tones), the character itself excluded. */
export function homophonesOf(character: string): string {
	const syllable = pinyinOf(character);
	if (!syllable) return '';
	return charactersOf!.get(syllable)!.replace(character, '');
}

/** First letters of each character's pinyin; characters without a reading break the run. */
export function pinyinInitialRuns(text: string): string[] {
	const runs: string[] = [];
	let run = '';
	for (const character of text) {
		const syllable = pinyinOf(character);
		if (syllable) run += syllable[0];
		else if (run) {
			runs.push(run);
			run = '';
		}
	}
	if (run) runs.push(run);
	return runs;
}
