// Term associations learned from the knowledge base itself: where a similar question says with other words
// what its standard question says (退休金怎么领 / 养老金怎么领), the bigrams that differ between the two are
// counted as related. Pairs seen in at least MIN_ENTRIES entries expand queries everywhere, so a caller's
// 养老金 also finds an entry whose editors only ever wrote 退休金.
import { termsOfNormalized } from './tokenizer';

/** A pair must be learned from this many entries before it is used. */
const MIN_ENTRIES = 2;
/** Paraphrases differ in a few words; a longer difference is a different question, not a substitution. */
const MAX_DIFFERENT_TERMS = 6;
const MAX_EXPANSIONS_PER_TERM = 3;

export interface Association {
	term: string;
	/** count of the pair / count of the source term in any learned difference: 0–1 */
	strength: number;
}

function bigramsOf(normalized: string): Set<string> {
	return new Set(termsOfNormalized(normalized, { unigrams: false }).filter((term) => term.length === 2));
}

/** The (from, to) pairs one entry teaches, both directions, once each. */
export function pairsOfEntry(normalizedStandard: string, normalizedSimilar: readonly string[]): string[] {
	const standard = bigramsOf(normalizedStandard);
	const pairs = new Set<string>();
	for (const similar of normalizedSimilar) {
		const other = bigramsOf(similar);
		const onlyStandard = [...standard].filter((term) => !other.has(term));
		const onlySimilar = [...other].filter((term) => !standard.has(term));
		if (onlyStandard.length === 0 || onlySimilar.length === 0) continue;
		if (onlyStandard.length > MAX_DIFFERENT_TERMS || onlySimilar.length > MAX_DIFFERENT_TERMS) continue;
		for (const a of onlyStandard) {
			for (const b of onlySimilar) {
				pairs.add(`${a}\t${b}`);
				pairs.add(`${b}\t${a}`);
			}
		}
	}
	return [...pairs];
}

export interface AssociationCounts {
	pairs: [string, number][];
	sources: [string, number][];
}

export class TermAssociations {
	#pairs = new Map<string, number>();
	#sources = new Map<string, number>();
	#related = new Map<string, Set<string>>();

	/** Counts (or with sign −1 uncounts) the pairs of one entry. */
	apply(pairs: readonly string[], sign: 1 | -1): void {
		const sources = new Set<string>();
		for (const pair of pairs) {
			const count = (this.#pairs.get(pair) ?? 0) + sign;
			const [from, to] = pair.split('\t') as [string, string];
			sources.add(from);
			if (count <= 0) {
				this.#pairs.delete(pair);
				this.#related.get(from)?.delete(to);
			} else {
				this.#pairs.set(pair, count);
				let related = this.#related.get(from);
				if (!related) this.#related.set(from, (related = new Set()));
				related.add(to);
			}
		}
		for (const source of sources) {
			const count = (this.#sources.get(source) ?? 0) + sign;
			if (count <= 0) this.#sources.delete(source);
			else this.#sources.set(source, count);
		}
	}

	export(): AssociationCounts {
		return { pairs: [...this.#pairs], sources: [...this.#sources] };
	}

	static import(counts: AssociationCounts): TermAssociations {
		const associations = new TermAssociations();
		associations.#pairs = new Map(counts.pairs);
		associations.#sources = new Map(counts.sources);
		for (const pair of associations.#pairs.keys()) {
			const [from, to] = pair.split('\t') as [string, string];
			let related = associations.#related.get(from);
			if (!related) associations.#related.set(from, (related = new Set()));
			related.add(to);
		}
		return associations;
	}

	/** The strongest related terms of a query term, learned from at least MIN_ENTRIES entries. */
	related(term: string): Association[] {
		const candidates = this.#related.get(term);
		if (!candidates) return [];
		const total = this.#sources.get(term) ?? 1;
		const found: Association[] = [];
		for (const other of candidates) {
			const count = this.#pairs.get(`${term}\t${other}`) ?? 0;
			if (count >= MIN_ENTRIES) found.push({ term: other, strength: Math.min(1, count / total) });
		}
		return found.sort((a, b) => b.strength - a.strength).slice(0, MAX_EXPANSIONS_PER_TERM);
	}
}
