// The answers' full text in the search: details only an answer states, whole numbers and 文号, sources,
// the passage terms, strength, and the index surviving removal, packing, export and import.
import { describe, expect, it } from 'vitest';
import { AnswerPostings } from './answer-postings';
import { answerTermsOf } from './answer-terms';
import { SearchEngine } from './search-engine';
import type { SearchableEntry } from './searchable-entry';
import { wholeTermsOf } from './whole-terms';

function entry(id: string, standardQuestion: string, more: Partial<SearchableEntry> = {}): SearchableEntry {
	return {
		id,
		standardQuestion,
		similarQuestions: [],
		keywords: [],
		answerText: '',
		categoryId: 'category:a',
		region: '全省',
		template: 'faq',
		...more
	};
}

const LONG_PREAMBLE =
	'社会保障卡遗失或损坏的，需先办理挂失，再申请补卡。补卡后原卡自动作废，个人权益不受影响。\n';

const KNOWLEDGE: SearchableEntry[] = [
	entry('entry:card', '社保卡丢失了怎么补办', {
		answerText: `${LONG_PREAMBLE}办理流程\n1. 挂失：拨打12333或到网点办理。\n收费标准\n遗失补办的，按标准收取工本费。`
	}),
	entry('entry:hotline', '12345热线受理哪些事项', {
		answerText: `${LONG_PREAMBLE}本热线号码为123334，全天受理。`
	}),
	entry('entry:rent', '租房怎么提取住房公积金', {
		answerText: '职工本人及配偶在本市无自有住房且租房居住的，可提取住房公积金。'
	}),
	entry('entry:retire', '企业职工退休怎么办理', {
		answerText: '按人社部发〔2023〕12号文件执行，咨询电话0571-88808880。',
		sources: '关于延迟退休的通知 国办发〔2024〕7号 第三条'
	}),
	entry('entry:noise', '噪音扰民怎么投诉', { answerText: '夜间施工噪音可拨打12345投诉。' })
];

function engineWith(entries = KNOWLEDGE): SearchEngine {
	const engine = new SearchEngine();
	for (const item of entries) engine.add(item);
	return engine;
}

const first = (engine: SearchEngine, query: string) => engine.search(query)[0];
const ids = (engine: SearchEngine, query: string) => engine.search(query).map((hit) => hit.id);

describe('the answers’ full text', () => {
	const engine = engineWith();

	it('finds a detail only the answer states, beyond its first lines, and names the terms for the passage', () => {
		const fee = first(engine, '工本费');
		expect(fee?.id).toBe('entry:card');
		expect(fee?.answerTerms).toEqual(expect.arrayContaining(['工本', '本费']));
		expect(fee?.strength).toBeCloseTo(1);
	});

	it('matches numbers as wholes: 12333 is not 123334', () => {
		expect(ids(engine, '12333')).toEqual(['entry:card']);
		expect(first(engine, '12333')?.answerTerms).toEqual(['12333']);
		expect(ids(engine, '123334')).toEqual(['entry:hotline']);
	});

	it('matches 文号 and phone numbers as wholes, in the answer and in the sources', () => {
		expect(ids(engine, '人社部发〔2023〕12号')).toEqual(['entry:retire']);
		// Another number of the same year and issuer is another document.
		expect(first(engine, '人社部发〔2023〕13号')?.answerTerms ?? []).not.toContain('人社部发〔2023〕12号');
		expect(ids(engine, '国办发[2024]7号')[0]).toBe('entry:retire');
		expect(ids(engine, '0571-88808880')).toEqual(['entry:retire']);
	});

	it('keeps a question that says it all first, and lists no passage terms the question already shows', () => {
		const card = first(engine, '社保卡丢失了怎么补办');
		expect(card?.id).toBe('entry:card');
		expect(card?.answerTerms).toBeUndefined();
		// The question matches 社保卡; the answer adds 工本费.
		const both = first(engine, '社保卡工本费');
		expect(both?.id).toBe('entry:card');
		expect(both?.answerTerms).toEqual(expect.arrayContaining(['工本', '本费']));
		expect(both?.answerTerms).not.toContain('社保');
	});

	it('ranks an answer holding the whole phrase above one holding a part of it across words', () => {
		// 职工本人 holds 工本 but not 本费.
		const fee = engine.search('工本费');
		expect(fee.map((hit) => hit.id).indexOf('entry:card')).toBeLessThan(
			fee.map((hit) => hit.id).indexOf('entry:rent')
		);
		expect(fee.find((hit) => hit.id === 'entry:rent')!.strength).toBeLessThan(fee[0]!.strength);
	});

	it('forgets a removed or replaced entry’s answer, and survives export and import', () => {
		const changed = engineWith();
		changed.remove('entry:card');
		expect(ids(changed, '工本费')).not.toContain('entry:card');
		changed.add(entry('entry:card', '社保卡丢失了怎么补办', { answerText: '补卡免收工本费。' }));
		expect(ids(changed, '工本费')[0]).toBe('entry:card');
		expect(ids(changed, '12333')).toEqual([]);
		const restored = SearchEngine.import(changed.export());
		expect(ids(restored, '工本费')[0]).toBe('entry:card');
		expect(ids(restored, '12333')).toEqual([]);
		restored.add(entry('entry:new', '失业保险金怎么申领', { answerText: '可拨打12333咨询。' }));
		expect(ids(restored, '12333')).toEqual(['entry:new']);
		expect(ids(restored, '人社部发〔2023〕12号')).toEqual(['entry:retire']);
	});
});

describe('answerTermsOf', () => {
	it('counts pairs, whole numbers and whole 文号, no single characters', () => {
		const terms = answerTermsOf('拨打12333，或拨打12333。', '人社部发〔2023〕12号');
		expect(terms.get('12333')).toBe(2);
		expect(terms.get('拨打')).toBe(2);
		expect(terms.has('拨')).toBe(false);
		expect(terms.get('人社部发〔2023〕12号')).toBe(1);
		// The issuer cannot be told from the words before it: each ending of two characters or more is a key.
		expect(terms.get('部发〔2023〕12号')).toBe(1);
	});
});

describe('wholeTermsOf', () => {
	it('reads a query’s 文号 as one key, whatever brackets were typed', () => {
		expect(wholeTermsOf('人社部发(2023)12号', { asQuery: true }).map(({ key }) => key)).toEqual([
			'人社部发〔2023〕12号'
		]);
		expect(wholeTermsOf('浙政办发［2021］第5号', { asQuery: true }).map(({ key }) => key)).toEqual([
			'浙政办发〔2021〕5号'
		]);
		expect(wholeTermsOf('电话：0571 - 88808880', { asQuery: true }).map(({ key }) => key)).toEqual([
			'0571-88808880'
		]);
	});
});

describe('AnswerPostings', () => {
	const postingsOf = (postings: AnswerPostings, term: string) => {
		const found: [number, number][] = [];
		postings.forEach(term, (entry, frequency) => found.push([entry, frequency]));
		return found;
	};

	it('appends fresh postings behind packed ones, and drops removed entries when asked', () => {
		const postings = new AnswerPostings();
		postings.add(3, new Map([['工本', 1]]));
		postings.add(200, new Map([['工本', 7]]));
		postings.pack();
		postings.add(
			100_000,
			new Map([
				['工本', 2],
				['本费', 1]
			])
		);
		expect(postingsOf(postings, '工本')).toEqual([
			[3, 1],
			[200, 4],
			[100_000, 2]
		]);
		postings.pack();
		const restored = AnswerPostings.import(postings.export());
		restored.add(100_001, new Map([['工本', 1]]));
		restored.pack();
		expect(postingsOf(restored, '工本').map(([entry]) => entry)).toEqual([3, 200, 100_000, 100_001]);
		expect(restored.documentFrequency('工本')).toBe(4);
		restored.pack((entry) => entry !== 200);
		expect(postingsOf(restored, '工本').map(([entry]) => entry)).toEqual([3, 100_000, 100_001]);
		expect(restored.documentFrequency('工本')).toBe(3);
		expect(postingsOf(restored, '本费')).toEqual([[100_000, 1]]);
	});

	it('grows from an empty stored index', () => {
		const restored = AnswerPostings.import(new AnswerPostings().export());
		for (let entry = 0; entry < 3_000; entry++)
			restored.add(
				entry,
				new Map([
					[`词${entry}`, 1],
					['工本', 2]
				])
			);
		expect(restored.documentFrequency('工本')).toBe(3_000);
		expect(postingsOf(restored, '词2999')).toEqual([[2_999, 1]]);
		expect(restored.termCount).toBe(3_001);
	});
});
