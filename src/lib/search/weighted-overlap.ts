// How much of two questions is shared, both ways, with characters and character pairs weighed by their IDF:
// a candidate that asks something rare the query does not (营业执照注销罚款 for 营业执照注销) scores lower
// than one whose extra words are common (…材料). BM25 only counts what the query has.

/** Distinct characters and adjacent pairs of a text without spaces. */
export function characterGrams(text: string): Set<string> {
	const characters = [...text.replaceAll(' ', '')];
	const grams = new Set(characters);
	for (let i = 0; i + 1 < characters.length; i++) grams.add(characters[i]! + characters[i + 1]!);
	return grams;
}

/** Weighted Dice coefficient of one query against candidate texts, 0…1; IDFs looked up once per gram. */
export function weightedOverlapWith(query: string, idf: (gram: string) => number): (text: string) => number {
	const known = new Map<string, number>();
	const weigh = (gram: string) => {
		let weight = known.get(gram);
		if (weight === undefined) known.set(gram, (weight = idf(gram)));
		return weight;
	};
	const queryGrams = characterGrams(query);
	let queryWeight = 0;
	for (const gram of queryGrams) queryWeight += weigh(gram);
	return (text) => {
		let shared = 0;
		let textWeight = 0;
		for (const gram of characterGrams(text)) {
			const weight = weigh(gram);
			textWeight += weight;
			if (queryGrams.has(gram)) shared += weight;
		}
		return (2 * shared) / (queryWeight + textWeight || 1);
	};
}
