// The segmenter's WebAssembly as an asset of the page's bundle, so the service worker precaches it with the
// app shell (the search worker's own assets are not in its list) and words rank offline from the first visit.
// A relative path: the package's exports do not list the file.
import wasmUrl from '../../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm?url';

export const WORD_SEGMENTER_URL: string = wasmUrl;
