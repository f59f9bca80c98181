// Input-method slips for the homophone benchmark: one character of a question replaced by another read the
// same way (社保卡 → 设保卡), as a pinyin input method offers them. Deterministic: the same seed gives the
// same slips, so every run measures the same queries.
import { homophonesOf } from '../../src/lib/search/pinyin';

const HAN = /\p{Script=Han}/u;

/** The text with one Chinese character (one that has homophones) replaced by a homophone; null if none has. */
export function slipOneCharacter(text: string, random: () => number): string | null {
	const characters = [...text];
	const slippable = characters.flatMap((character, at) =>
		HAN.test(character) && homophonesOf(character) ? [at] : []
	);
	if (slippable.length === 0) return null;
	const at = slippable[Math.floor(random() * slippable.length)]!;
	const homophones = [...homophonesOf(characters[at]!)];
	characters[at] = homophones[Math.floor(random() * homophones.length)]!;
	return characters.join('');
}
