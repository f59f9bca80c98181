// Terms matched only as wholes, which the character pairs would cut apart: 文号 (人社部发〔2023〕12号) and
// phone numbers with an area code (0571-88888888). Plain numbers (12333, 2023) are already whole terms of
// the tokenizer. The same function reads the index's text and the query, so a key matches only itself.
export interface WholeTerm {
	/** The term as indexed. */
	key: string;
	/** Where it stands in the text read (code units), for highlighting. */
	start: number;
	end: number;
}

/** The issuer's abbreviation before 〔year〕: its last characters up to this many make the key. */
const ISSUER_KEY_LENGTH = 6;
/** From the bracketed year on; the issuer is the run of Chinese characters just before it. */
const DOCUMENT_NUMBER = /\s*[〔[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*第?\s*(\d{1,5})\s*号/g;
const ISSUER_BEFORE = /[\u4e00-\u9fff]{1,12}$/;
const PHONE_NUMBER = /(?<![\d-])(0\d{2,3})\s*[-－—–]\s*(\d{7,8})(?!\d)/g;

const documentNumberKey = (issuer: string, year: string, number: string) =>
	`${issuer}〔${year}〕${Number(number)}号`;

/**
 * The whole terms of a text. A 文号's issuer can only be told from the words before it by length, so an
 * indexed one yields a key for each ending of its issuer (2 characters and more); a query's yields one.
 */
export function wholeTermsOf(text: string, { asQuery = false }: { asQuery?: boolean } = {}): WholeTerm[] {
	const folded = text.normalize('NFKC');
	// NFKC keeps 〔〕 and Chinese text in place, so positions in `folded` are those of `text` for what we match.
	const source = folded.length === text.length ? folded : text;
	const terms: WholeTerm[] = [];
	// The bracket first, then the issuer backwards: a pattern starting on any Chinese character is slow.
	for (const match of source.matchAll(DOCUMENT_NUMBER)) {
		const [tail, year, number] = match as unknown as [string, string, string];
		const issuerRun = ISSUER_BEFORE.exec(source.slice(Math.max(0, match.index - 12), match.index))?.[0];
		if (!issuerRun) continue;
		const issuer = issuerRun.slice(-ISSUER_KEY_LENGTH);
		const end = match.index + tail.length;
		const lengths = asQuery ? [issuer.length] : range(Math.min(2, issuer.length), issuer.length);
		for (const length of lengths) {
			terms.push({
				key: documentNumberKey(issuer.slice(issuer.length - length), year, number),
				start: match.index - length,
				end
			});
		}
	}
	for (const match of source.matchAll(PHONE_NUMBER)) {
		terms.push({ key: `${match[1]}-${match[2]}`, start: match.index, end: match.index + match[0].length });
	}
	return terms;
}

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
