// The answers' full-text index as stored chunks. They are the tail of an exported index, and a cold start reads
// them after the rest: about half the stored bytes, which the first question-like query does not need.
import { AnswerPostings, type PackedAnswerPostings } from './answer-postings';
import type { IndexChunk } from './search-types';

const ANSWER_CHUNK_KEYS = new Set([
	'answerTerms',
	'answerTermOffsets',
	'answerTermTable',
	'answerFrequency',
	'answerStarts',
	'answerPostings',
	'answerLastEntries'
]);

/** Chunks (or their places in a stored Blob) split into the answers' and the rest, each in its order. */
export function splitAnswerChunks<T extends { key: string }>(
	items: readonly T[]
): { rest: T[]; answers: T[] } {
	const rest: T[] = [];
	const answers: T[] = [];
	for (const item of items) (ANSWER_CHUNK_KEYS.has(item.key) ? answers : rest).push(item);
	return { rest, answers };
}

export function answerChunks(answers: PackedAnswerPostings): IndexChunk[] {
	return [
		{ key: 'answerTerms', data: answers.terms },
		{ key: 'answerTermOffsets', data: answers.offsets },
		{ key: 'answerTermTable', data: answers.table },
		{ key: 'answerFrequency', data: answers.documentFrequency },
		{ key: 'answerStarts', data: answers.starts },
		{ key: 'answerPostings', data: answers.bytes },
		{ key: 'answerLastEntries', data: answers.lastEntries }
	];
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isInt32 = (value: unknown): value is Int32Array => value instanceof Int32Array;
const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

export function answersFromChunks(chunks: readonly IndexChunk[]): AnswerPostings {
	const data = new Map(chunks.map(({ key, data }) => [key, data]));
	const read = <T>(key: string, is: (value: unknown) => value is T): T => {
		const value = data.get(key);
		if (!is(value)) throw new Error(`search index: ${key} missing`);
		return value;
	};
	return AnswerPostings.import({
		terms: read('answerTerms', isText),
		offsets: read('answerTermOffsets', isInt32),
		table: read('answerTermTable', isInt32),
		documentFrequency: read('answerFrequency', isInt32),
		starts: read('answerStarts', isInt32),
		bytes: read('answerPostings', isBytes),
		lastEntries: read('answerLastEntries', isInt32)
	});
}
