// RFC 4180 delimited text as Excel and WPS write it: quoted fields, doubled quotes, CRLF or LF, line breaks
// inside quotes. Lenient where Excel is: a stray quote inside an unquoted field is kept as text.
export type Delimiter = ',' | '\t' | ';';

// Tab first, so a tie goes to tab: a tab almost never appears inside a header cell, a comma may.
const CANDIDATES: Delimiter[] = ['\t', ',', ';'];

/** Counts each candidate in the header line (outside quotes) and picks the most frequent; comma if none. */
export function detectDelimiter(text: string): Delimiter {
	const counts = new Map<string, number>();
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
	}
	let best: Delimiter = ',';
	let bestCount = 0;
	for (const candidate of CANDIDATES) {
		const count = counts.get(candidate) ?? 0;
		if (count > bestCount) {
			best = candidate;
			bestCount = count;
		}
	}
	return best;
}

function isBlankRow(row: string[]): boolean {
	return row.every((cell) => cell === '');
}

export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
	const rows: string[][] = [];
	const length = text.length;
	let row: string[] = [];
	let field = '';
	let atFieldStart = true;
	let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	// Unquoted text runs to the next delimiter or line break; a native search is much faster than a char loop.
	const fieldEnd = new RegExp(`[${delimiter}\r\n]`, 'g');

	while (index < length) {
		const char = text[index];
		if (atFieldStart && char === '"') {
			index += 1;
			while (index < length) {
				const quote = text.indexOf('"', index);
				if (quote === -1) {
					field += text.slice(index);
					index = length;
				} else if (text[quote + 1] === '"') {
					field += text.slice(index, quote + 1);
					index = quote + 2;
					continue;
				} else {
					field += text.slice(index, quote);
					index = quote + 1;
				}
				break;
			}
			atFieldStart = false;
		} else if (char === delimiter) {
			row.push(field);
			field = '';
			atFieldStart = true;
			index += 1;
		} else if (char === '\n' || char === '\r') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			atFieldStart = true;
			index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
		} else {
			fieldEnd.lastIndex = index + 1;
			const end = fieldEnd.exec(text)?.index ?? length;
			field += text.slice(index, end);
			atFieldStart = false;
			index = end;
		}
	}
	if (!atFieldStart || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	while (rows.length > 0 && isBlankRow(rows[rows.length - 1]!)) rows.pop();
	return rows;
}
