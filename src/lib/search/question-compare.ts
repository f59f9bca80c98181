// How a candidate question compares with the query, term by term and character by character: the pieces
// the search engine's exact ranking is made of. Inputs are normalized text.

export function countOccurrences(text: string, term: string): number {
	let count = 0;
	for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) count++;
	return count;
}

/** Length of the longest common subsequence of two strings (by UTF-16 unit; CJK is one unit). */
export function longestCommonSubsequence(a: string, b: string): number {
	if (!a || !b) return 0;
	const row = new Uint16Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = 0;
		const code = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const above = row[j]!;
			row[j] = code === b.charCodeAt(j - 1) ? diagonal + 1 : Math.max(above, row[j - 1]!);
			diagonal = above;
		}
	}
	return row[b.length]!;
}

/** True when the text has numbers and none of them is one the query has. */
export function numbersDisagree(queryNumbers: string[], text: string): boolean {
	if (queryNumbers.length === 0) return false;
	const numbers = text.match(/[0-9]+/g);
	return Boolean(numbers && !numbers.some((number) => queryNumbers.includes(number)));
}

/** Bigrams and words, plus the characters no matched bigram covers. */
export function highlightTerms(matched: string[]): string[] {
	const long = matched.filter((term) => term.length > 1);
	return [
		...long,
		...matched.filter((term) => term.length === 1 && !long.some((other) => other.includes(term)))
	];
}
