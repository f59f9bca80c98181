// What the agent's search screen holds: the query and filters, the results with the words each matched and
// the answer passage they matched in, which row the arrows have selected and which entry is open. The page
// loads the results; this keeps them. Results are entries' publications (what reviewers published), known
// by the entry's id.
import type { CategoryDirectory, StoredPublishedEntry } from '$lib/knowledge';
import { NO_AGENT_FILTER, toSearchFilters, type AgentFilterChoice } from '$lib/knowledge/agent-filters';
import { beijingToday } from '$lib/time';
import { answerPassageOf, type AnswerFocus, type AnswerPassage } from './answer-passage';

const NO_MATCHED_TERMS: ReadonlyMap<string, string[]> = new Map();
const NO_PASSAGES: ReadonlyMap<string, AnswerPassage> = new Map();

export interface ShowOptions {
	weakMatch?: boolean;
	readAs?: string;
	/** The query terms each result's full answer holds, by entry id (SearchHit.answerTerms). */
	answerTerms?: ReadonlyMap<string, readonly string[]>;
}

export class AgentSearchScreen {
	/** Beijing's date the shown results and badges were judged on; {@link dayForQuery} moves it on. */
	today = $state('');
	results = $state.raw<StoredPublishedEntry[]>([]);
	categories = $state.raw<CategoryDirectory | null>(null);
	query = $state('');
	/** Agents asked about an old policy may look up what it said: expired entries then show, marked 已失效. */
	includeExpired = $state(false);
	filterChoice = $state<AgentFilterChoice>({ ...NO_AGENT_FILTER });
	filters = $derived(toSearchFilters(this.filterChoice, this.categories?.options ?? []));
	/** The query words each result matched, by entry id, for highlighting. */
	matchedTerms = $state.raw<ReadonlyMap<string, string[]>>(NO_MATCHED_TERMS);
	/** The passage of its answer each result shows, by entry id: only results that matched in the answer. */
	passages = $state.raw<ReadonlyMap<string, AnswerPassage>>(NO_PASSAGES);
	selectedIndex = $state(0);
	/** The best result matches little of the query (匹配度低): 查无信息 is offered first. */
	weakMatch = $state(false);
	/** The query as the search read it when it corrected a homophone slip; '' otherwise. */
	readAs = $state('');
	error = $state('');
	/** What the last copy of the answer did; it belongs to the entry open when it was made. */
	copied = $state('');
	/** The confirmation of a sent report, shown for a few seconds. */
	toast = $state('');
	/** An entry opened from outside the results: a related entry, or a link from elsewhere. */
	#linked = $state.raw<StoredPublishedEntry | null>(null);
	#openedId = $state<string | null>(null);
	opened = $derived(
		this.results.find((entry) => entry.entryId === this.#openedId) ??
			(this.#linked?.entryId === this.#openedId ? this.#linked : null)
	);
	/** Where the answer panel scrolls the open entry's answer to: the words its passage shows. */
	openedFocus: AnswerFocus | null = $derived(
		this.opened ? (this.passages.get(this.opened.entryId)?.focus ?? null) : null
	);
	/** The open entry's related entries that agents may read (published), in the editors' order. */
	related = $state.raw<StoredPublishedEntry[]>([]);
	/** The province entry the open city entry overrides, for 查看全省版本; null when there is none to show. */
	provinceVersion = $state.raw<StoredPublishedEntry | null>(null);
	/** The query the shown results answer; Enter before they arrive waits for them. */
	#shownQuery = '';
	#openOnArrival = false;
	readonly #readToday: () => string;

	/** `readToday` reads Beijing's date from the clock; tests give it a clock of their own. */
	constructor(readToday: () => string = beijingToday) {
		this.#readToday = readToday;
		this.today = readToday();
	}

	/**
	 * The date a query judges validity on, read at each query: a night shift that opened the screen before
	 * midnight must not keep yesterday's. Undefined when the agent asked for expired entries too.
	 */
	dayForQuery(): string | undefined {
		this.today = this.#readToday();
		return this.includeExpired ? undefined : this.today;
	}

	get openedId(): string | null {
		return this.#openedId;
	}

	/** Opening another entry (or none) clears the copy message left by the last one. */
	set openedId(id: string | null) {
		if (id === this.#openedId) return;
		this.#openedId = id;
		this.copied = '';
	}

	selectNext(): void {
		this.selectedIndex = Math.max(0, Math.min(this.selectedIndex + 1, this.results.length - 1));
	}

	selectPrevious(): void {
		this.selectedIndex = Math.max(this.selectedIndex - 1, 0);
	}

	/** Selects and opens the result at `index`; null when there is none there. */
	open(index: number): StoredPublishedEntry | null {
		const entry = this.results[index];
		if (!entry) return null;
		this.selectedIndex = index;
		this.openedId = entry.entryId;
		return entry;
	}

	/** Opens an entry that need not be among the results (a related entry, a link); the results stay. */
	openLinked(entry: StoredPublishedEntry): void {
		this.#linked = entry;
		this.openedId = entry.entryId;
	}

	clear(): void {
		this.#openOnArrival = false;
		this.query = '';
		this.selectedIndex = 0;
		this.openedId = null;
	}

	/** Enter: opens the selected row, or the first one of the results still on their way for this query. */
	openSelected(): StoredPublishedEntry | null {
		if (this.#shownQuery === this.query.trim()) return this.open(this.selectedIndex);
		this.#openOnArrival = true;
		return null;
	}

	/** Shows the results for `query`; returns the entry an early Enter opened, if any. */
	show(
		results: StoredPublishedEntry[],
		matchedTerms: ReadonlyMap<string, string[]>,
		query: string,
		{ weakMatch = false, readAs = '', answerTerms }: ShowOptions = {}
	): StoredPublishedEntry | null {
		this.error = '';
		this.weakMatch = weakMatch && results.length > 0;
		this.readAs = readAs;
		this.matchedTerms = matchedTerms;
		this.passages = answerTerms ? passagesOf(results, answerTerms) : NO_PASSAGES;
		this.results = results;
		this.#shownQuery = query;
		// Fewer results than before: the selection stays on a row that exists.
		this.selectedIndex = Math.min(this.selectedIndex, Math.max(0, results.length - 1));
		if (!this.#openOnArrival || query !== this.query.trim()) return null;
		this.#openOnArrival = false;
		return this.open(0);
	}

	/** Agents paste the plain-text answer into tickets and SMS. */
	async copyAnswer(entry: StoredPublishedEntry): Promise<void> {
		try {
			await navigator.clipboard.writeText(entry.answerText);
			this.copied = '已复制，可粘贴到工单或短信';
		} catch {
			this.copied = '浏览器不允许复制，请选中答案文字后按 Ctrl+C';
		}
	}

	announce(message: string): void {
		this.toast = message;
		setTimeout(() => (this.toast = ''), 4000);
	}
}

function passagesOf(
	results: readonly StoredPublishedEntry[],
	answerTerms: ReadonlyMap<string, readonly string[]>
): ReadonlyMap<string, AnswerPassage> {
	return new Map(
		results.flatMap((entry) => {
			const passage = answerPassageOf(entry.answerText, answerTerms.get(entry.entryId) ?? []);
			return passage ? [[entry.entryId, passage] as const] : [];
		})
	);
}
