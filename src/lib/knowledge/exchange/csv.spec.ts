import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
	it.each([
		[
			'plain fields',
			'a,b,c\n1,2,3',
			[
				['a', 'b', 'c'],
				['1', '2', '3']
			]
		],
		[
			'empty fields',
			'a,,c\n,,x',
			[
				['a', '', 'c'],
				['', '', 'x']
			]
		],
		['a delimiter inside quotes', '"社保卡,补办",b', [['社保卡,补办', 'b']]],
		['doubled quotes', '"他说""你好""",x', [['他说"你好"', 'x']]],
		['an empty quoted field', '"",b', [['', 'b']]],
		[
			'CRLF line ends',
			'a,b\r\n1,2\r\n',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		['mixed CRLF, LF and CR', 'a\r\nb\nc\rd', [['a'], ['b'], ['c'], ['d']]],
		[
			'a line break inside quotes',
			'q,"第一行\n第二行"\n2,x',
			[
				['q', '第一行\n第二行'],
				['2', 'x']
			]
		],
		['a CRLF inside quotes, kept as written', '"a\r\nb",c', [['a\r\nb', 'c']]],
		[
			'trailing empty lines dropped',
			'a,b\n1,2\n\n\r\n',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		[
			'trailing rows of empty cells dropped',
			'a,b\n1,2\n,\n',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		['a trailing delimiter gives an empty last field', 'a,b,\n', [['a', 'b', '']]],
		['a byte-order mark', '\uFEFFa,b', [['a', 'b']]],
		['a stray quote inside an unquoted field', 'a"b,c', [['a"b', 'c']]],
		['text after a closing quote', '"ab"c,d', [['abc', 'd']]],
		['an unterminated quote runs to the end', '"ab,c\nd', [['ab,c\nd']]],
		['nothing', '', []]
	])('reads %s', (_, text, rows) => {
		expect(parseCsv(text, ',')).toEqual(rows);
	});

	it('reads tab-separated text with quotes (Excel "Unicode 文本")', () => {
		expect(parseCsv('问题\t答案\n"多行\n答案"\t"含\t制表符"', '\t')).toEqual([
			['问题', '答案'],
			['多行\n答案', '含\t制表符']
		]);
	});
});

describe('detectDelimiter', () => {
	it.each([
		['标准问题,业务分类,答案\n1,2,3', ','],
		['标准问题\t业务分类\t答案\n1,2,3', '\t'],
		['标准问题;业务分类;答案', ';'],
		['"问题,说明"\t答案\t分类', '\t'],
		['只有一列', ','],
		['a,b\tc', '\t']
	] as const)('%j → %j', (text, delimiter) => {
		expect(detectDelimiter(text)).toBe(delimiter);
	});

	it('is used when no delimiter is given', () => {
		expect(parseCsv('a;b\n1;2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});
});
