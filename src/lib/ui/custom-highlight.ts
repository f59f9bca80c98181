// Marks a range of text without touching the DOM it lies in (the CSS Custom Highlight API): the answer stays
// the sanitized HTML as rendered, and copying or re-rendering it sees no extra element. Browsers without the
// API (Chromium before 105, Firefox before 140) scroll to the words without marking them.

/** Shows `range` styled by `::highlight(<name>)`; returns what takes the mark off again. */
export function highlightRange(name: string, range: Range): () => void {
	if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined')
		return () => {};
	const highlight = new Highlight(range);
	CSS.highlights.set(name, highlight);
	return () => {
		if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
	};
}
