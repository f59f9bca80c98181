// The few dozen characters of a long answer a result shows when the query matched in its answer: the window
// holding most of the matched terms, cut at line starts and never inside a matched term, after the heading
// it stands under (收费标准：…) when that fits. Its focus lets the answer panel find the same words in the
// rendered answer and scroll to them.
import type { HighlightSegment } from './highlight';
import { termOccurrencesIn, type TermOccurrence } from './term-occurrences';

/** Matched words as they stand in the answer text, and which occurrence of them (0-based, at every position). */
export interface AnswerFocus {
	text: string;
	occurrence: number;
}

export interface AnswerPassage {
	/** The passage with its matched words; line breaks shown as " / ". */
	segments: HighlightSegment[];
	leadingEllipsis: boolean;
	trailingEllipsis: boolean;
	focus: AnswerFocus;
}

/** Character range, end excluded. */
interface Span {
	start: number;
	end: number;
}

interface PassageWindow extends Span {
	heading: Span | null;
}

/** A heading is a short line that ends no sentence (办理材料, 收费标准). */
const HEADING_MAX_LENGTH = 16;
const SENTENCE_END = /[。；;！!？?，,、]$/;
const LINE_BREAK_SHOWN_AS = ' / ';

export function answerPassageOf(
	answerText: string,
	answerTerms: readonly string[],
	width = 64
): AnswerPassage | null {
	if (answerTerms.length === 0) return null;
	const characters = [...answerText];
	const occurrences = termOccurrencesIn(answerText, answerTerms);
	if (occurrences.length === 0) return null;
	const marked = markedCharacters(characters.length, occurrences);
	const runs = runsOf(marked);
	let best: { window: PassageWindow; score: number; run: Span } | null = null;
	for (const run of runs) {
		const window = windowAround(run, characters, runs, width);
		const score = weightWithin(window, occurrences);
		const longerRun = best !== null && run.end - run.start > best.run.end - best.run.start;
		if (!best || score > best.score || (score === best.score && longerRun)) best = { window, score, run };
	}
	const { window } = best!;
	const focusRun = runs.find((run) => run.start >= window.start && run.end <= window.end) ?? best!.run;
	return {
		segments: segmentsOf(window, characters, marked),
		leadingEllipsis: (window.heading?.start ?? window.start) > 0,
		trailingEllipsis: characters.slice(window.end).join('').trim() !== '',
		focus: focusOf(focusRun, characters, answerText)
	};
}

function markedCharacters(length: number, occurrences: readonly TermOccurrence[]): boolean[] {
	const marked = new Array<boolean>(length).fill(false);
	for (const { start, end } of occurrences) marked.fill(true, start, end);
	return marked;
}

/** Runs of adjacent matched characters (工本 + 本费 → 工本费). */
function runsOf(marked: readonly boolean[]): Span[] {
	const runs: Span[] = [];
	marked.forEach((isMarked, index) => {
		if (!isMarked) return;
		const last = runs[runs.length - 1];
		if (last && last.end === index) last.end++;
		else runs.push({ start: index, end: index + 1 });
	});
	return runs;
}

/** Distinct terms wholly inside the window, a longer term weighing more. */
function weightWithin(window: Span, occurrences: readonly TermOccurrence[]): number {
	const inside = new Set(
		occurrences
			.filter((occurrence) => occurrence.start >= window.start && occurrence.end <= window.end)
			.map((occurrence) => occurrence.term)
	);
	return [...inside].reduce((sum, term) => sum + [...term].length, 0);
}

/** About `width` characters centred on `run`, starting at its line when that line starts inside. */
function windowAround(
	run: Span,
	characters: readonly string[],
	runs: readonly Span[],
	width: number
): PassageWindow {
	const length = characters.length;
	let start = Math.max(
		0,
		Math.min(run.start - Math.floor((width - (run.end - run.start)) / 2), length - width)
	);
	const lineBreak = characters.lastIndexOf('\n', run.start - 1);
	if (lineBreak >= start) start = lineBreak + 1;
	start = Math.min(start, run.start);
	let end = Math.max(run.end, Math.min(length, start + width));
	const heading = headingBefore(start, characters);
	if (heading && heading.end - heading.start + 1 + (run.end - start) <= width)
		end = Math.max(run.end, Math.min(end, start + width - (heading.end - heading.start) - 1));
	// Never into a matched term: the central run is whole inside, so the others can be left out.
	for (const other of runs) {
		if (other.start < start && start < other.end) start = other.end;
		if (other.start < end && end < other.end) end = other.start;
	}
	while (start < run.start && /\s/.test(characters[start]!)) start++;
	while (end > run.end && /\s/.test(characters[end - 1]!)) end--;
	const fits = heading && heading.end - heading.start + 1 + (end - start) <= width;
	return { start, end, heading: fits ? heading : null };
}

/** The heading line just before the line at `lineStart`, blank lines skipped; null when there is none. */
function headingBefore(lineStart: number, characters: readonly string[]): Span | null {
	if (lineStart === 0 || characters[lineStart - 1] !== '\n') return null;
	let end = lineStart - 1;
	while (end > 0 && /\s/.test(characters[end - 1]!)) end--;
	const start = characters.lastIndexOf('\n', end - 1) + 1;
	const line = characters.slice(start, end).join('').trim();
	if (!line || line.length > HEADING_MAX_LENGTH || SENTENCE_END.test(line)) return null;
	return { start, end };
}

function segmentsOf(
	window: PassageWindow,
	characters: readonly string[],
	marked: readonly boolean[]
): HighlightSegment[] {
	const segments: HighlightSegment[] = [];
	const push = (text: string, match: boolean) => {
		const last = segments[segments.length - 1];
		if (last && last.match === match) last.text += text;
		else segments.push({ text, match });
	};
	const pushRange = ({ start, end }: Span) => {
		for (let index = start; index < end; index++) {
			if (characters[index] !== '\n') push(characters[index]!, marked[index]!);
			else if (characters[index - 1] !== '\n') push(LINE_BREAK_SHOWN_AS, false);
		}
	};
	if (window.heading) {
		pushRange(window.heading);
		if (!/[：:]$/.test(characters[window.heading.end - 1]!)) push('：', false);
	}
	pushRange(window);
	return segments;
}

function focusOf(run: Span, characters: readonly string[], answerText: string): AnswerFocus {
	const text = characters.slice(run.start, run.end).join('');
	const at = characters.slice(0, run.start).join('').length;
	let occurrence = 0;
	for (
		let found = answerText.indexOf(text);
		found !== -1 && found < at;
		found = answerText.indexOf(text, found + 1)
	)
		occurrence++;
	return { text, occurrence };
}
