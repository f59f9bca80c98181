// The full-text index of answers and sources: for each term (pair of characters, whole number or word, 文号),
// the entries whose answer holds it and how often (1, 2, 3, 4+). Lean by design, for 10⁵ answers of
// hundreds of characters: no positions and no single characters; per posting one variable-length integer of
// (distance to the previous entry << 2 | frequency − 1), mostly one byte. The answer text itself is not kept:
// the page holds the entries it shows and cuts their passages (answer-passage.ts). Postings added since the
// last packing wait in a flat log (term id, code) and are packed in by a counting sort: millions of small
// arrays, one per term, cost more in allocation and garbage collection than the indexing itself.
//
// Removed entries' postings stay, skipped by the caller, until an export finds enough of them to pack them
// out; until then their terms still count in the document frequencies (a few per cent at most, IDF barely
// moves), because uncounting would need the old answer's terms, which nothing keeps.
import { TermDictionary, type PackedDictionary } from './term-dictionary';

/** Packed while indexing once the log holds this many postings (8 bytes each). */
const LOG_LIMIT = 2_000_000;
/** A query packs the log first when it is longer than this: scanning it per term would cost more. */
const LOG_SCAN_LIMIT = 20_000;
const FREQUENCY_BITS = 2;
const FREQUENCY_MASK = (1 << FREQUENCY_BITS) - 1;

export interface PackedAnswerPostings extends PackedDictionary {
	documentFrequency: Int32Array;
	/** Byte offset of each term's postings in `bytes` (one more than there are terms). */
	starts: Int32Array;
	bytes: Uint8Array;
	/** The last entry of each term's postings: later packing appends without decoding. */
	lastEntries: Int32Array;
}

export class AnswerPostings {
	#dictionary = new TermDictionary();
	// Per term id, with room to grow: typed arrays load from storage as they are.
	#documentFrequency: Int32Array = new Int32Array(1024);
	#starts: Int32Array = new Int32Array(1);
	#bytes: Uint8Array = new Uint8Array(0);
	/** The last entry number packed per term, for appending without decoding. */
	#lastPacked: Int32Array = new Int32Array(1024);
	/** Postings since the last packing: term id and entry << 2 | frequency − 1, in the order added. */
	#logIds: Int32Array = new Int32Array(1024);
	#logCodes: Int32Array = new Int32Array(1024);
	#logLength = 0;

	get termCount(): number {
		return this.#dictionary.size;
	}

	documentFrequency(term: string): number {
		const id = this.#dictionary.idOf(term);
		return id === undefined ? 0 : this.#documentFrequency[id]!;
	}

	/** Adds an entry's distinct terms with their frequencies in its answer and sources. */
	add(entry: number, terms: ReadonlyMap<string, number>): void {
		if (this.#logLength + terms.size > this.#logIds.length) this.#growLog(this.#logLength + terms.size);
		const code = entry << FREQUENCY_BITS;
		// forEach: iterating with destructuring would allocate an entry array per term.
		terms.forEach((frequency, term) => {
			const id = this.#dictionary.add(term);
			if (id === this.#documentFrequency.length) this.#growTerms();
			this.#documentFrequency[id]!++;
			this.#logIds[this.#logLength] = id;
			this.#logCodes[this.#logLength++] = code | (Math.min(frequency, 4) - 1);
		});
		if (this.#logLength >= LOG_LIMIT) this.pack();
	}

	#growTerms(): void {
		const frequency = new Int32Array(Math.max(1024, 2 * this.#documentFrequency.length));
		const last = new Int32Array(frequency.length);
		frequency.set(this.#documentFrequency);
		last.set(this.#lastPacked);
		this.#documentFrequency = frequency;
		this.#lastPacked = last;
	}

	#growLog(needed: number): void {
		let size = this.#logIds.length;
		while (size < needed) size *= 2;
		const ids = new Int32Array(size);
		const codes = new Int32Array(size);
		ids.set(this.#logIds.subarray(0, this.#logLength));
		codes.set(this.#logCodes.subarray(0, this.#logLength));
		this.#logIds = ids;
		this.#logCodes = codes;
	}

	/** Calls visit(entry, frequency) for every posting of the term, in entry order. */
	forEach(term: string, visit: (entry: number, frequency: number) => void): void {
		const id = this.#dictionary.idOf(term);
		if (id === undefined) return;
		if (this.#logLength > LOG_SCAN_LIMIT) this.pack();
		this.#forEachPacked(id, visit);
		for (let at = 0; at < this.#logLength; at++) {
			if (this.#logIds[at] !== id) continue;
			const code = this.#logCodes[at]!;
			visit(code >> FREQUENCY_BITS, (code & FREQUENCY_MASK) + 1);
		}
	}

	#forEachPacked(id: number, visit: (entry: number, frequency: number) => void): void {
		if (id + 1 >= this.#starts.length) return;
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

	/**
	 * Packs the log behind each term's packed postings: a counting sort of the log by term (stable, so each
	 * term's entries stay in order), old bytes copied in runs, no decoding. With `alive`, then decodes
	 * everything and drops the postings of entries it rejects, recounting the frequencies.
	 */
	pack(alive?: (entry: number) => boolean): void {
		if (this.#logLength) this.#packLog();
		if (alive) this.#dropPostings(alive);
	}

	#packLog(): void {
		const termCount = this.#dictionary.size;
		const length = this.#logLength;
		const begins = new Int32Array(termCount + 1);
		for (let at = 0; at < length; at++) begins[this.#logIds[at]! + 1]!++;
		for (let id = 0; id < termCount; id++) begins[id + 1]! += begins[id]!;
		const sorted = new Int32Array(length);
		const cursor = begins.slice(0, termCount);
		for (let at = 0; at < length; at++) sorted[cursor[this.#logIds[at]!]!++] = this.#logCodes[at]!;

		const old = this.#bytes;
		const oldStarts = this.#starts;
		const oldTerms = oldStarts.length - 1;
		const oldEnd = oldStarts[oldTerms]!;
		const bytes = new Uint8Array(old.length + 5 * length);
		const starts = new Int32Array(termCount + 1);
		let at = 0;
		// Old bytes from here on are not copied yet: they move as one run up to the next term with new postings.
		let runFrom = 0;
		for (let id = 0; id < termCount; id++) {
			const oldFrom = id < oldTerms ? oldStarts[id]! : oldEnd;
			const oldTo = id < oldTerms ? oldStarts[id + 1]! : oldEnd;
			starts[id] = at + oldFrom - runFrom;
			if (begins[id] === begins[id + 1]) continue;
			bytes.set(old.subarray(runFrom, oldTo), at);
			at += oldTo - runFrom;
			runFrom = oldTo;
			let previous = oldTo > oldFrom ? this.#lastPacked[id]! : 0;
			for (let index = begins[id]!; index < begins[id + 1]!; index++) {
				const code = sorted[index]!;
				const entry = code >> FREQUENCY_BITS;
				let value = (entry - previous) * (1 << FREQUENCY_BITS) + (code & FREQUENCY_MASK);
				while (value >= 128) {
					bytes[at++] = (value & 127) | 128;
					value = Math.floor(value / 128);
				}
				bytes[at++] = value;
				previous = entry;
			}
			this.#lastPacked[id] = previous;
		}
		bytes.set(old.subarray(runFrom, oldEnd), at);
		at += oldEnd - runFrom;
		starts[termCount] = at;
		this.#starts = starts;
		this.#bytes = bytes.slice(0, at);
		this.#logLength = 0;
	}

	#dropPostings(alive: (entry: number) => boolean): void {
		const termCount = this.#dictionary.size;
		const bytes = new Uint8Array(this.#bytes.length);
		const starts = new Int32Array(termCount + 1);
		let at = 0;
		for (let id = 0; id < termCount; id++) {
			starts[id] = at;
			let previous = 0;
			let count = 0;
			this.#forEachPacked(id, (entry, frequency) => {
				if (!alive(entry)) return;
				let value = (entry - previous) * (1 << FREQUENCY_BITS) + frequency - 1;
				while (value >= 128) {
					bytes[at++] = (value & 127) | 128;
					value = Math.floor(value / 128);
				}
				bytes[at++] = value;
				previous = entry;
				count++;
			});
			this.#documentFrequency[id] = count;
			this.#lastPacked[id] = previous;
		}
		starts[termCount] = at;
		this.#starts = starts;
		this.#bytes = bytes.slice(0, at);
	}

	export(): PackedAnswerPostings {
		this.pack();
		return {
			...this.#dictionary.export(),
			documentFrequency: this.#documentFrequency.slice(0, this.termCount),
			starts: this.#starts,
			bytes: this.#bytes,
			lastEntries: this.#lastPacked.slice(0, this.termCount)
		};
	}

	static import(packed: PackedAnswerPostings): AnswerPostings {
		const postings = new AnswerPostings();
		postings.#dictionary = TermDictionary.import(packed);
		postings.#documentFrequency = packed.documentFrequency;
		postings.#starts = packed.starts;
		postings.#bytes = packed.bytes;
		postings.#lastPacked = packed.lastEntries;
		return postings;
	}
}
