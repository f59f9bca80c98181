import { describe, expect, it } from 'vitest';
import { holdsPhrases, type PhraseFields } from './phrase-filter';
import { quotedPhrasesOf } from './quoted-phrases';

const entry: PhraseFields = {
	standardQuestion: '社保卡丢失了怎么补办？',
	similarQuestions: ['社會保障卡丟了去哪補'],
	keywords: ['即时制卡'],
	answerText: '收费标准\n遗失补办的，按标准收取工本费。\n咨询电话：12333，０５７１－88888888',
	sources: [{ title: '社会保障卡管理办法', documentNumber: '人社部发〔2023〕12号', article: '第十条' }]
};

const holds = (query: string) => holdsPhrases(entry, quotedPhrasesOf(query));

describe('holdsPhrases', () => {
	it.each([
		['no quotes: nothing to hold', '工本费多少钱', true],
		['a phrase in the answer', '"工本费"', true],
		['the same pairs apart are not the phrase', '"工本标准"', false],
		['a phrase in the question, particles dropped on both sides', '「社保卡丢失怎么补办」', true],
		['traditional characters in a similar question', '“社会保障卡丢”', true],
		['a keyword', '『即时制卡』', true],
		['a number whole', '"12333"', true],
		['a number inside a longer one', '"1233"', false],
		['a phone number however it was written', '"0571-88888888"', true],
		["a source's title", '"保障卡管理"', true],
		["a source's 文号", '"人社部发〔2023〕12号"', true],
		["a source's article", '"第十条"', true],
		['every phrase must stand', '"工本费" "居住证"', false],
		['each in a field of its own', '"工本费" "即时制卡"', true],
		['not across two lines of the answer', '"收费标准遗失"', false]
	])('%s: %s → %s', (_, query, expected) => {
		expect(holds(query)).toBe(expected);
	});

	it('takes a phrase ending in a digit only where no digit follows', () => {
		const withLongerNumber = { ...entry, answerText: '请拨打123334' };
		expect(holdsPhrases(withLongerNumber, ['12333'])).toBe(false);
		expect(holdsPhrases({ ...entry, answerText: '请拨打12333的热线' }, ['12333'])).toBe(true);
	});
});
