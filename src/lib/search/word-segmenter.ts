// Dictionary words of a question (jieba's dictionary, through jieba-wasm), for the re-ranking only: two
// questions that share their words agree beyond shared characters (面包机 is not 面膜, though both have 面).
// Dictionary words only, no HMM guesses for unknown ones: an unknown name stays characters, the cut takes
// half the time (24 µs for a 26-character question in Node), and R@1 on LCQMC was 0.2 point higher.
// Why not as index terms (measured): added to the postings they lowered R@1. Questions are cut when they
// are indexed (word-rerank.ts keeps the word lengths), queries when they are asked.
import * as jieba from 'jieba-wasm';

/** Cut texts kept for the next queries. */
const CACHE_SIZE = 4_096;

const cache = new Map<string, readonly string[]>();
let ready = canCut();
let loading: Promise<boolean> | undefined;

/** Node loads the WebAssembly on import; the browser build has to fetch it first. */
function canCut(): boolean {
	try {
		jieba.cut('', false);
		return true;
	} catch {
		return false;
	}
}

/**
 * Makes words available (in the browser: fetches the WebAssembly from `url` and compiles it, once). False
 * when that is impossible: search then ranks without words rather than failing.
 */
export function loadWordSegmenter(url?: string): Promise<boolean> {
	if (ready) return Promise.resolve(true);
	loading ??= (async () => {
		const init = (jieba as { default?: unknown }).default;
		if (typeof init === 'function') {
			await (init as (options?: { module_or_path: string }) => Promise<unknown>)(
				url ? { module_or_path: url } : undefined
			);
		}
		ready = canCut();
		return ready;
	})().catch((error: unknown) => {
		console.warn('分词组件加载失败，搜索排序不使用词语', error);
		return false;
	});
	return loading;
}

/** Words can be cut now (in the browser: once `loadWordSegmenter` has succeeded). */
export function wordSegmenterReady(): boolean {
	return ready;
}

/** The words of comparable text (normalized; spaces are ignored); none until the segmenter is loaded. */
export function cutWords(text: string): string[] {
	return ready ? jieba.cut(text.replaceAll(' ', ''), false) : [];
}

/** The same, remembered: queries typed letter by letter and synonyms come back often. */
export function wordsOf(text: string): readonly string[] {
	let words = cache.get(text);
	if (!words) {
		words = cutWords(text);
		if (!ready) return words;
		if (cache.size >= CACHE_SIZE) cache.clear();
		cache.set(text, words);
	}
	return words;
}
