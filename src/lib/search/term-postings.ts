// The inverted index: for each term, the entries that contain it and how often per field. Postings added
// since the last compaction live in plain arrays; compact() packs everything into one byte array (per
// posting: the distance to the previous entry number as a variable-length integer, then the packed field
// frequencies; about 2.5 bytes instead of 5), which is what is stored and loaded: a structured clone of
// typed arrays, no parsing. Removed entries stay in the postings until the next compaction and are skipped
// by the caller. Entry numbers only grow, so every list is in ascending order.

/** Field frequencies packed in one byte: question 0–15, keywords 0–15. */
export function packFrequencies(question: number, keywords: number): number {
	return Math.min(question, 15) | (Math.min(keywords, 15) << 4);
}

export interface PackedPostings {
	terms: string;
	documentFrequency: Int32Array;
	/** Byte offset of each term's postings in `bytes` (one more than there are terms). */
	starts: Int32Array;
	bytes: Uint8Array;
}

export class TermPostings {
	#ids = new Map<string, number>();
	#terms: string[] = [];
	/** Entries (alive) containing each term, counted over all fields: the IDF's document frequency. */
	#documentFrequency: number[] = [];
	#packedStarts: Int32Array = new Int32Array(1);
	#packedBytes: Uint8Array = new Uint8Array(0);
	/** Postings since the last compaction, by term id: entry, packed frequencies, entry, … */
	#fresh: (number[] | undefined)[] = [];
	#freshCount = 0;

	get termCount(): number {
		return this.#terms.length;
	}

	idOf(term: string): number | undefined {
		return this.#ids.get(term);
	}

	documentFrequency(term: string): number {
		const id = this.#ids.get(term);
		return id === undefined ? 0 : this.#documentFrequency[id]!;
	}

	#idFor(term: string): number {
		let id = this.#ids.get(term);
		if (id === undefined) {
			id = this.#terms.length;
			this.#ids.set(term, id);
			this.#terms.push(term);
			this.#documentFrequency.push(0);
		}
		return id;
	}

	/**
	 * Counts an entry's terms. `terms` maps each distinct term to its field frequencies (question |
	 * keywords << 8); terms of more than one character also get a posting.
	 */
	add(entry: number, terms: Map<string, number>): void {
		for (const [term, code] of terms) {
			const id = this.#idFor(term);
			this.#documentFrequency[id]!++;
			if (term.length < 2) continue;
			const list = this.#fresh[id] ?? (this.#fresh[id] = []);
			list.push(entry, packFrequencies(code & 255, (code >> 8) & 255));
			this.#freshCount++;
		}
	}

	/** Uncounts an entry's terms (its postings stay until compaction; the caller skips removed entries). */
	forget(distinctTerms: Iterable<string>): void {
		for (const term of distinctTerms) {
			const id = this.#ids.get(term);
			if (id !== undefined && this.#documentFrequency[id]! > 0) this.#documentFrequency[id]!--;
		}
	}

	/** Calls visit(entry, packed) for every posting of the term. */
	forEach(term: string, visit: (entry: number, packed: number) => void): void {
		const id = this.#ids.get(term);
		if (id === undefined) return;
		if (id + 1 < this.#packedStarts.length) {
			const bytes = this.#packedBytes;
			const end = this.#packedStarts[id + 1]!;
			let entry = 0;
			for (let at = this.#packedStarts[id]!; at < end;) {
				let delta = 0;
				let shift = 0;
				let byte: number;
				do {
					byte = bytes[at++]!;
					delta |= (byte & 127) << shift;
					shift += 7;
				} while (byte & 128);
				entry += delta;
				visit(entry, bytes[at++]!);
			}
		}
		const fresh = this.#fresh[id];
		if (fresh) for (let at = 0; at < fresh.length; at += 2) visit(fresh[at]!, fresh[at + 1]!);
	}

	/**
	 * For the hot loop, which decodes inline: the packed bytes, the term's [start, end) in them (see the
	 * format above) and its fresh postings (entry, packed frequencies, …) if any.
	 */
	rangeOf(term: string): { start: number; end: number; fresh: number[] | undefined } | undefined {
		const id = this.#ids.get(term);
		if (id === undefined) return undefined;
		const packed = id + 1 < this.#packedStarts.length;
		return {
			start: packed ? this.#packedStarts[id]! : 0,
			end: packed ? this.#packedStarts[id + 1]! : 0,
			fresh: this.#fresh[id]
		};
	}

	get packedBytes(): Uint8Array {
		return this.#packedBytes;
	}

	/** Packs all postings into bytes, dropping those of entries `alive` rejects (removed ones). */
	compact(alive: (entry: number) => boolean = () => true): void {
		const termCount = this.#terms.length;
		const starts = new Int32Array(termCount + 1);
		let bytes = new Uint8Array(Math.max(1024, this.#packedBytes.length + 3 * this.#freshCount));
		let at = 0;
		const write = (byte: number) => {
			if (at === bytes.length) {
				const larger = new Uint8Array(bytes.length * 2);
				larger.set(bytes);
				bytes = larger;
			}
			bytes[at++] = byte;
		};
		for (let id = 0; id < termCount; id++) {
			starts[id] = at;
			let previous = 0;
			this.forEach(this.#terms[id]!, (entry, packed) => {
				if (!alive(entry)) return;
				let delta = entry - previous;
				previous = entry;
				while (delta >= 128) {
					write((delta & 127) | 128);
					delta = Math.floor(delta / 128);
				}
				write(delta);
				write(packed);
			});
		}
		starts[termCount] = at;
		this.#packedStarts = starts;
		this.#packedBytes = bytes.slice(0, at);
		this.#fresh = [];
		this.#freshCount = 0;
	}

	get freshPostings(): number {
		return this.#freshCount;
	}

	export(): PackedPostings {
		if (this.#freshCount) this.compact();
		return {
			terms: this.#terms.join('\n'),
			documentFrequency: Int32Array.from(this.#documentFrequency),
			starts: this.#packedStarts,
			bytes: this.#packedBytes
		};
	}

	static import(packed: PackedPostings): TermPostings {
		const postings = new TermPostings();
		postings.#terms = packed.terms ? packed.terms.split('\n') : [];
		postings.#terms.forEach((term, id) => postings.#ids.set(term, id));
		postings.#documentFrequency = Array.from(packed.documentFrequency);
		postings.#packedStarts = packed.starts;
		postings.#packedBytes = packed.bytes;
		return postings;
	}
}
