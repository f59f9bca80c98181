// Traditional → simplified Chinese, one character at a time, from OpenCC's TSCharacters table (3 500
// characters, 17 kB gzipped). The whole OpenCC converter with its phrase tables is 52 kB gzipped (t2cn);
// search only needs both sides folded the same way, so phrase-level conversion buys nothing here.
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

let table: { map: Map<string, string>; pattern: RegExp } | undefined;

function load() {
	if (!table) {
		const map = new Map<string, string>();
		for (const pair of TS_CHARACTERS.split('|')) {
			const [traditional, simplified] = pair.split(' ');
			if (traditional && simplified) map.set(traditional, simplified);
		}
		// One character class of every traditional character: the engine scans text natively.
		table = { map, pattern: new RegExp(`[${[...map.keys()].join('')}]`, 'gu') };
	}
	return table;
}

export function toSimplified(text: string): string {
	const { map, pattern } = load();
	return text.replace(pattern, (character) => map.get(character) ?? character);
}
