// A shuffle that anyone can repeat from the seed recorded with a draw: sfc32 seeded by a string hash
// (xmur3), the same on every browser and on Node. Not for secrets: for audit, repeatable by design.

function hashSeed(text: string): () => number {
	let h = 1779033703 ^ text.length;
	for (let index = 0; index < text.length; index++) {
		h = Math.imul(h ^ text.charCodeAt(index), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	return () => {
		h = Math.imul(h ^ (h >>> 16), 2246822507);
		h = Math.imul(h ^ (h >>> 13), 3266489909);
		return (h ^= h >>> 16) >>> 0;
	};
}

/** Uniform numbers in [0, 1) from a text seed: the same seed, the same numbers. */
export function seededRandom(seed: string): () => number {
	const next = hashSeed(seed);
	let a = next();
	let b = next();
	let c = next();
	let d = next();
	return () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
}

/** The items in an order fixed by the seed (Fisher–Yates); the input is left as it was. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
	const random = seededRandom(seed);
	const order = [...items];
	for (let index = order.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[order[index], order[other]] = [order[other]!, order[index]!];
	}
	return order;
}
