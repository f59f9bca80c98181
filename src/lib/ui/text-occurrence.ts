// Finds words in rendered text, across the elements that split it (<strong>工本</strong>费), for the panel
// that scrolls to where a result matched. Occurrences count at every position, as answer-passage.ts counts
// them in the plain text; when the rendered text has fewer (it drops the plain text's "1. " and line
// breaks), the first occurrence stands in.

/** Where one occurrence starts and ends: which chunk of text, and the offset in it. */
export interface OccurrenceBounds {
	start: { chunk: number; offset: number };
	end: { chunk: number; offset: number };
}

/** The `occurrence`th (0-based) place of `text` in the chunks read as one text; else the first; else null. */
export function locateOccurrence(
	chunks: readonly string[],
	text: string,
	occurrence: number
): OccurrenceBounds | null {
	if (!text) return null;
	const whole = chunks.join('');
	let found = whole.indexOf(text);
	if (found === -1) return null;
	const first = found;
	for (let seen = 0; seen < occurrence && found !== -1; seen++) found = whole.indexOf(text, found + 1);
	const start = found === -1 ? first : found;
	return { start: positionIn(chunks, start, false), end: positionIn(chunks, start + text.length, true) };
}

/** A DOM range over that occurrence in the text nodes under `root`. */
export function rangeOfOccurrence(root: Node, text: string, occurrence: number): Range | null {
	const document = root.ownerDocument ?? (root as Document);
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const nodes: Text[] = [];
	while (walker.nextNode()) nodes.push(walker.currentNode as Text);
	const bounds = locateOccurrence(
		nodes.map((node) => node.data),
		text,
		occurrence
	);
	if (!bounds) return null;
	const range = document.createRange();
	range.setStart(nodes[bounds.start.chunk]!, bounds.start.offset);
	range.setEnd(nodes[bounds.end.chunk]!, bounds.end.offset);
	return range;
}

/** The chunk and offset of a place in the joined text; an end at a chunk's end stays in that chunk. */
function positionIn(
	chunks: readonly string[],
	at: number,
	isEnd: boolean
): { chunk: number; offset: number } {
	let before = 0;
	for (let chunk = 0; chunk < chunks.length; chunk++) {
		const length = chunks[chunk]!.length;
		if (at < before + length || (isEnd && at === before + length)) return { chunk, offset: at - before };
		before += length;
	}
	return { chunk: chunks.length - 1, offset: chunks[chunks.length - 1]?.length ?? 0 };
}
