// The full-text index of answers and sources: for each term (pair of characters, whole number or word, 文号),
// the entries whose answer holds it and how often (1, 2, 3, 4+). Lean by design, for 10⁵ answers of
// hundreds of characters: no positions and no single characters; per posting one variable-length integer of
// (distance to the previous entry << 2 | frequency − 1), mostly one byte. The answer text itself is not kept:
// the page holds the entries it shows and cuts their passages (answer-passage.ts).
//
// Removed entries' postings stay, skipped by the caller, until an export finds enough of them to pack them
// out; until then their terms still count in the document frequencies (a few per cent at most, IDF barely
// moves), because uncounting would need the old answer's terms, which nothing keeps.

/** Packed while indexing once this many postings wait in plain arrays (memory: they cost 4–8 bytes each). */
const FRESH_LIMIT = 2_000_000;
const FREQUENCY_BITS = 2;
const FREQUENCY_MASK = (1 << FREQUENCY_BITS) - 1;

export interface PackedAnswerPostings {
	terms: string;
	documentFrequency: Int32Array;
	/** Byte offset of each term's postings in `bytes` (one more than there are terms). */
	starts: Int32Array;
	bytes: Uint8Array;
	/** The last entry of each term's postings: later packing appends without decoding. */
	lastEntries: Int32Array;
}

export class AnswerPostings {
	#ids = new Map<string, number>();
	#terms: string[] = [];
	#documentFrequency: number[] = [];
	#starts: Int32Array = new Int32Array(1);
	#bytes: Uint8Array = new Uint8Array(0);
	/** The last entry number packed per term, for appending without decoding. */
	#lastPacked: number[] = [];
	/**
	 * Postings since the last packing, by term id: entry << 2 | frequency − 1, … One slot per term, kept as
	 * long as the terms (an array written at scattered indexes would turn into a slow dictionary).
	 */
	#fresh: (number[] | undefined)[] = [];
	#freshCount = 0;

	get termCount(): number {
		return this.#terms.length;
	}

	get byteLength(): number {
		return this.#bytes.length;
	}

	documentFrequency(term: string): number {
		const id = this.#ids.get(term);
		return id === undefined ? 0 : this.#documentFrequency[id]!;
	}

	/** Adds an entry's distinct terms with their frequencies in its answer and sources. */
	add(entry: number, terms: ReadonlyMap<string, number>): void {
		for (const [term, frequency] of terms) {
			let id = this.#ids.get(term);
			if (id === undefined) {
				id = this.#terms.length;
				this.#ids.set(term, id);
				this.#terms.push(term);
				this.#documentFrequency.push(0);
				this.#lastPacked.push(0);
				this.#fresh.push(undefined);
			}
			this.#documentFrequency[id]!++;
			(this.#fresh[id] ??= []).push((entry << FREQUENCY_BITS) | (Math.min(frequency, 4) - 1));
			this.#freshCount++;
		}
		if (this.#freshCount >= FRESH_LIMIT) this.pack();
	}

	/** Calls visit(entry, frequency) for every posting of the term, in entry order. */
	forEach(term: string, visit: (entry: number, frequency: number) => void): void {
		const id = this.#ids.get(term);
		if (id === undefined) return;
		if (id + 1 < this.#starts.length) {
			const bytes = this.#bytes;
			const end = this.#starts[id + 1]!;
			let entry = 0;
			for (let at = this.#starts[id]!; at < end;) {
				let value = 0;
				let shift = 0;
				let byte: number;
				do {
					byte = bytes[at++]!;
					value += (byte & 127) * 2 ** shift;
					shift += 7;
				} while (byte & 128);
				entry += Math.floor(value / (1 << FREQUENCY_BITS));
				visit(entry, (value & FREQUENCY_MASK) + 1);
			}
		}
		const fresh = this.#fresh[id];
		if (fresh) for (const code of fresh) visit(code >> FREQUENCY_BITS, (code & FREQUENCY_MASK) + 1);
	}

	/**
	 * Packs the fresh postings behind the packed ones, term by term (copies, no decoding); with `alive`,
	 * decodes everything and drops the postings of entries it rejects, recounting the frequencies.
	 */
	pack(alive?: (entry: number) => boolean): void {
		if (!this.#freshCount && !alive) return;
		const termCount = this.#terms.length;
		const starts = new Int32Array(termCount + 1);
		let bytes = new Uint8Array(Math.max(1024, this.#bytes.length + 3 * this.#freshCount));
		let at = 0;
		const ensure = (more: number) => {
			if (at + more <= bytes.length) return;
			const larger = new Uint8Array(Math.max(bytes.length * 2, at + more));
			larger.set(bytes.subarray(0, at));
			bytes = larger;
		};
		const write = (value: number) => {
			ensure(5);
			while (value >= 128) {
				bytes[at++] = (value & 127) | 128;
				value = Math.floor(value / 128);
			}
			bytes[at++] = value;
		};
		for (let id = 0; id < termCount; id++) {
			starts[id] = at;
			let previous = 0;
			const append = (entry: number, frequency: number) => {
				write((entry - previous) * (1 << FREQUENCY_BITS) + frequency - 1);
				previous = entry;
			};
			if (alive) {
				let count = 0;
				this.forEach(this.#terms[id]!, (entry, frequency) => {
					if (!alive(entry)) return;
					append(entry, frequency);
					count++;
				});
				this.#documentFrequency[id] = count;
			} else {
				const packed = id + 1 < this.#starts.length;
				if (packed) {
					const from = this.#starts[id]!;
					const to = this.#starts[id + 1]!;
					ensure(to - from);
					bytes.set(this.#bytes.subarray(from, to), at);
					at += to - from;
					if (to > from) previous = this.#lastPacked[id]!;
				}
				for (const code of this.#fresh[id] ?? []) append(code >> FREQUENCY_BITS, (code & FREQUENCY_MASK) + 1);
			}
			this.#lastPacked[id] = previous;
		}
		starts[termCount] = at;
		this.#starts = starts;
		this.#bytes = bytes.slice(0, at);
		this.#fresh = this.#terms.map(() => undefined);
		this.#freshCount = 0;
	}

	export(): PackedAnswerPostings {
		this.pack();
		return {
			terms: this.#terms.join('\n'),
			documentFrequency: Int32Array.from(this.#documentFrequency),
			starts: this.#starts,
			bytes: this.#bytes,
			lastEntries: Int32Array.from(this.#lastPacked)
		};
	}

	static import(packed: PackedAnswerPostings): AnswerPostings {
		const postings = new AnswerPostings();
		postings.#terms = packed.terms ? packed.terms.split('\n') : [];
		postings.#terms.forEach((term, id) => postings.#ids.set(term, id));
		postings.#documentFrequency = Array.from(packed.documentFrequency);
		postings.#starts = packed.starts;
		postings.#bytes = packed.bytes;
		postings.#lastPacked = Array.from(packed.lastEntries);
		postings.#fresh = postings.#terms.map(() => undefined);
		return postings;
	}
}
