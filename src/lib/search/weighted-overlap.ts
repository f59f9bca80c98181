// How much of two questions is shared, both ways, with characters and character pairs weighed by their IDF:
// a candidate that asks something rare the query does not (营业执照注销罚款 for 营业执照注销) scores lower
// than one whose extra words are common (…材料). BM25 only counts what the query has. The query's share
// alone (coverage) is given too: what the caller said must be in the question, whatever else it adds.
// Every query compares 60 candidates, so grams are numbers (a character's code, or two codes in one number)
// looked up once per query in one table holding their weight, whether the query has them, and the last text
// that counted them (each gram counts once per text). Spaces are skipped.

const PAIR = 0x10000;

function gramText(gram: number): string {
	return gram < PAIR ? String.fromCharCode(gram) : String.fromCharCode(Math.floor(gram / PAIR), gram % PAIR);
}

export interface GramOverlap {
	/** Weighted Dice coefficient, 0…1: shared weight over both texts' weight. */
	dice: number;
	/** Share of the query's weight found in the text, 0…1. */
	coverage: number;
}

/** Weighted overlap of one query with candidate texts. */
export function weightedOverlapWith(
	query: string,
	idf: (gram: string) => number
): (text: string) => GramOverlap {
	const slotOf = new Map<number, number>();
	const weights: number[] = [];
	const inQuery: boolean[] = [];
	const countedFor: number[] = [];
	let texts = 0;

	/** Adds the gram's weight to the sums unless this text counted it already. */
	const count = (gram: number, sums: { all: number; shared: number }) => {
		let slot = slotOf.get(gram);
		if (slot === undefined) {
			slot = weights.length;
			slotOf.set(gram, slot);
			weights.push(idf(gramText(gram)));
			inQuery.push(texts === 0);
			countedFor.push(-1);
		}
		if (countedFor[slot] === texts) return;
		countedFor[slot] = texts;
		sums.all += weights[slot]!;
		if (inQuery[slot]) sums.shared += weights[slot]!;
	};
	const sumsOf = (text: string) => {
		const sums = { all: 0, shared: 0 };
		let previous = 0;
		for (let at = 0; at < text.length; at++) {
			const code = text.charCodeAt(at);
			if (code === 32) continue;
			count(code, sums);
			if (previous) count(previous * PAIR + code, sums);
			previous = code;
		}
		texts++;
		return sums;
	};

	const queryWeight = sumsOf(query).all;
	return (text) => {
		const { all, shared } = sumsOf(text);
		return { dice: (2 * shared) / (queryWeight + all || 1), coverage: shared / (queryWeight || 1) };
	};
}
