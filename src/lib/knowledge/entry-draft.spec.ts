import { describe, expect, it } from 'vitest';
import { validateDocument } from '$lib/db/validation';
import {
	checkEntryInput,
	cleanList,
	newDraftEntry,
	plainTextToHtml,
	type NewEntryInput
} from './entry-draft';

const input: NewEntryInput = {
	standardQuestion: '  社保卡丢了怎么补办？ ',
	categoryId: 'category:shebao',
	template: 'serviceGuide',
	answerText: '第一步：挂失。\n第二步：补办。\n\n带上身份证。',
	similarQuestions: ['社保卡掉了咋办', '', '社保卡掉了咋办', '社保卡丢了怎么补办？'],
	keywords: ['社保卡', ' 补卡 ', ''],
	region: '全省',
	validFrom: '2026-01-01',
	validTo: null
};

describe('a new draft entry', () => {
	it('is a valid entry document, stamped by its author', () => {
		const entry = newDraftEntry(input, 'entry:1', 'editor01', new Date('2026-03-01T08:00:00Z'));
		expect(validateDocument(entry)).toEqual({ ok: true });
		expect(entry).toMatchObject({
			standardQuestion: '社保卡丢了怎么补办？',
			status: 'draft',
			version: 1,
			createdBy: 'editor01',
			history: [{ action: 'create', by: 'editor01', at: '2026-03-01T08:00:00.000Z' }]
		});
	});

	it('drops empty and repeated similar questions and the standard question itself', () => {
		const entry = newDraftEntry(input, 'entry:1', 'editor01', new Date());
		expect(entry.similarQuestions).toEqual(['社保卡掉了咋办']);
		expect(entry.keywords).toEqual(['社保卡', '补卡']);
	});

	it('escapes what was typed before it becomes HTML', () => {
		expect(plainTextToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
		expect(plainTextToHtml('第一行\n第二行\n\n新段落')).toBe('<p>第一行<br>第二行</p><p>新段落</p>');
	});

	it.each([
		[{ standardQuestion: '问' }, 'standardQuestion'],
		[{ categoryId: '' }, 'categoryId'],
		[{ answerText: '  ' }, 'answerText'],
		[{ region: '' }, 'region'],
		[{ validFrom: '2026-05-01', validTo: '2026-04-01' }, 'validTo']
	])('reports %o as a problem with %s', (change, field) => {
		expect(Object.keys(checkEntryInput({ ...input, ...change }))).toEqual([field]);
	});

	it('cleans lists keeping the first spelling', () => {
		expect(cleanList([' a', 'b', 'a ', ''], ['b'])).toEqual(['a']);
	});
});
