// The indexed entries by internal number, column by column: compact, and quick to store and load. A
// removed entry leaves an empty id; its number is not reused until the index is rebuilt.
import { isInForce } from '$lib/knowledge/rules/validity';
import { PROVINCE_WIDE_REGION } from './searchable-entry';
import type { IndexChunk, SearchFilters } from './search-types';

export interface EntryRow {
	id: string;
	/** Stored questions, standard first, joined by VARIANT_SEPARATOR. */
	questions: string;
	/** Their word lengths (word-rerank.ts), joined the same way. */
	questionWords: string;
	keywords: string;
	categoryId: string;
	region: string;
	template: string;
	/** YYYY-MM-DD or empty */
	validFrom: string;
	validTo: string;
	/** The province entry a city entry overrides, or empty. */
	overrides: string;
	/** In terms: the average over the entry's questions. */
	questionLength: number;
	keywordLength: number;
}

const TEXT_COLUMNS = [
	'ids',
	'questions',
	'questionWords',
	'keywords',
	'categoryIds',
	'regions',
	'templates',
	'validFrom',
	'validTo',
	'overrides'
] as const;

type StoredColumns = Record<(typeof TEXT_COLUMNS)[number], string[]> & {
	questionLengths: number[];
	keywordLengths: number[];
	removed: number;
};

/** Question lengths are averages: stored as sixteenths in an Int32Array. */
const QUESTION_LENGTH_SCALE = 16;

export class EntryColumns {
	readonly ids: string[];
	readonly questions: string[];
	readonly questionWords: string[];
	readonly keywords: string[];
	readonly categoryIds: string[];
	readonly regions: string[];
	readonly templates: string[];
	readonly validFrom: string[];
	readonly validTo: string[];
	readonly overrides: string[];
	readonly questionLengths: number[];
	readonly keywordLengths: number[];
	/** Slots of removed or replaced entries. */
	removed: number;
	#numberOf = new Map<string, number>();
	/** Province entry id → the held city entries that override it (usually one). */
	#overriders = new Map<string, number[]>();

	constructor(stored?: StoredColumns) {
		const text = (key: (typeof TEXT_COLUMNS)[number]) => stored?.[key] ?? [];
		this.ids = text('ids');
		this.questions = text('questions');
		this.questionWords = text('questionWords');
		this.keywords = text('keywords');
		this.categoryIds = text('categoryIds');
		this.regions = text('regions');
		this.templates = text('templates');
		this.validFrom = text('validFrom');
		this.validTo = text('validTo');
		this.overrides = text('overrides');
		this.questionLengths = stored?.questionLengths ?? [];
		this.keywordLengths = stored?.keywordLengths ?? [];
		this.removed = stored?.removed ?? 0;
		this.ids.forEach((id, number) => {
			if (!id) return;
			this.#numberOf.set(id, number);
			this.#noteOverride(number);
		});
	}

	/** Entries held, removed ones not counted. */
	get size(): number {
		return this.#numberOf.size;
	}

	/** Numbers handed out, removed ones included. */
	get slots(): number {
		return this.ids.length;
	}

	numberOf(id: string): number | undefined {
		return this.#numberOf.get(id);
	}

	push(row: EntryRow): number {
		const number = this.ids.length;
		this.ids.push(row.id);
		this.questions.push(row.questions);
		this.questionWords.push(row.questionWords);
		this.keywords.push(row.keywords);
		this.categoryIds.push(row.categoryId);
		this.regions.push(row.region);
		this.templates.push(row.template);
		this.validFrom.push(row.validFrom);
		this.validTo.push(row.validTo);
		this.overrides.push(row.overrides);
		this.questionLengths.push(row.questionLength);
		this.keywordLengths.push(row.keywordLength);
		this.#numberOf.set(row.id, number);
		this.#noteOverride(number);
		return number;
	}

	#noteOverride(number: number): void {
		const overridden = this.overrides[number];
		if (overridden) this.#overriders.set(overridden, [...(this.#overriders.get(overridden) ?? []), number]);
	}

	/** The first held city entry overriding `id` that passes the same filters and day; undefined if none. */
	overriderOf(id: string, filters: SearchFilters | undefined, today: string | undefined): string | undefined {
		const number = this.#overriders.get(id)?.find((city) => this.passes(city, filters, today));
		return number === undefined ? undefined : this.ids[number];
	}

	/** Empties an entry's slot; its lengths stay for the totals' bookkeeping. */
	clear(number: number): void {
		this.#numberOf.delete(this.ids[number]!);
		const overridden = this.overrides[number];
		if (overridden) {
			const rest = this.#overriders.get(overridden)!.filter((city) => city !== number);
			if (rest.length) this.#overriders.set(overridden, rest);
			else this.#overriders.delete(overridden);
		}
		this.overrides[number] = '';
		this.ids[number] = '';
		this.questions[number] = '';
		this.questionWords[number] = '';
		this.keywords[number] = '';
		this.removed++;
	}

	/** Held, in force on `today` (Beijing's date), and within the filters. */
	passes(number: number, filters: SearchFilters | undefined, today: string | undefined): boolean {
		if (!this.ids[number]) return false;
		if (today && !isInForce(this.validFrom[number], this.validTo[number], today)) return false;
		if (!filters) return true;
		if (filters.categoryIds?.length && !filters.categoryIds.includes(this.categoryIds[number]!)) return false;
		if (filters.template && this.templates[number] !== filters.template) return false;
		const region = this.regions[number];
		if (filters.region && region !== filters.region && region !== PROVINCE_WIDE_REGION) return false;
		return true;
	}

	export(): IndexChunk[] {
		const column = (values: string[]) => values.map((value) => value.replaceAll('\n', ' ')).join('\n');
		return [
			...TEXT_COLUMNS.map((key) => ({ key, data: column(this[key]) })),
			{
				key: 'questionLengths',
				data: Int32Array.from(this.questionLengths, (length) => Math.round(length * QUESTION_LENGTH_SCALE))
			},
			{ key: 'keywordLengths', data: Int32Array.from(this.keywordLengths) }
		];
	}

	static import(
		text: (key: string) => string,
		numbers: (key: string) => Int32Array,
		removed: number
	): EntryColumns {
		const empty = text('ids') === '';
		const textColumn = (key: string) => (empty ? [] : text(key).split('\n'));
		return new EntryColumns({
			...(Object.fromEntries(TEXT_COLUMNS.map((key) => [key, textColumn(key)])) as Record<
				(typeof TEXT_COLUMNS)[number],
				string[]
			>),
			questionLengths: Array.from(numbers('questionLengths'), (length) => length / QUESTION_LENGTH_SCALE),
			keywordLengths: Array.from(numbers('keywordLengths')),
			removed
		});
	}
}
