// Term → id for an index of hundreds of thousands of terms that must load at once: the packed terms are one
// string with their offsets, found through an open-addressing hash table in a typed array, so loading the
// stored dictionary parses nothing and builds no Map (a Map of 6 × 10⁵ answer terms took 0.9 s to rebuild
// at every start). Terms added since the last packing live in a Map until the next one.

export interface PackedDictionary {
	/** Every packed term, back to back. */
	terms: string;
	/** Where term `id` starts in `terms`; one more than there are terms. */
	offsets: Int32Array;
	/** Hash slots holding id + 1 (0: empty); a power of two, at most half full. */
	table: Int32Array;
}

/** FNV-1a over UTF-16 code units. */
function hashOf(term: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < term.length; index++) {
		hash ^= term.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export class TermDictionary {
	#terms = '';
	#offsets: Int32Array = new Int32Array(1);
	#table: Int32Array = new Int32Array(0);
	#added = new Map<string, number>();
	#addedTerms: string[] = [];

	get size(): number {
		return this.#offsets.length - 1 + this.#addedTerms.length;
	}

	idOf(term: string): number | undefined {
		const table = this.#table;
		if (table.length) {
			const mask = table.length - 1;
			const terms = this.#terms;
			const offsets = this.#offsets;
			for (let slot = hashOf(term) & mask; ; slot = (slot + 1) & mask) {
				const held = table[slot]!;
				if (held === 0) break;
				const start = offsets[held - 1]!;
				if (offsets[held]! - start === term.length && terms.startsWith(term, start)) return held - 1;
			}
		}
		return this.#added.get(term);
	}

	/** The term's id, a new one if it had none. */
	add(term: string): number {
		const known = this.idOf(term);
		if (known !== undefined) return known;
		const id = this.size;
		this.#added.set(term, id);
		this.#addedTerms.push(term);
		return id;
	}

	termAt(id: number): string {
		const packed = this.#offsets.length - 1;
		return id < packed
			? this.#terms.slice(this.#offsets[id], this.#offsets[id + 1])
			: this.#addedTerms[id - packed]!;
	}

	/** Moves the added terms into the packed string and rebuilds the hash table. */
	pack(): void {
		if (this.#addedTerms.length === 0) return;
		const packed = this.#offsets.length - 1;
		const count = this.size;
		const offsets = new Int32Array(count + 1);
		offsets.set(this.#offsets);
		let at = this.#offsets[packed]!;
		this.#addedTerms.forEach((term, index) => {
			at += term.length;
			offsets[packed + index + 1] = at;
		});
		this.#terms += this.#addedTerms.join('');
		this.#offsets = offsets;
		let size = 16;
		while (size < 2 * count) size *= 2;
		const table = new Int32Array(size);
		const mask = size - 1;
		for (let id = 0; id < count; id++) {
			let slot = hashOf(this.termAt(id)) & mask;
			while (table[slot] !== 0) slot = (slot + 1) & mask;
			table[slot] = id + 1;
		}
		this.#table = table;
		this.#added = new Map();
		this.#addedTerms = [];
	}

	export(): PackedDictionary {
		this.pack();
		return { terms: this.#terms, offsets: this.#offsets, table: this.#table };
	}

	static import({ terms, offsets, table }: PackedDictionary): TermDictionary {
		const dictionary = new TermDictionary();
		dictionary.#terms = terms;
		dictionary.#offsets = offsets;
		dictionary.#table = table;
		return dictionary;
	}
}
