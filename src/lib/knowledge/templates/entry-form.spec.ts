// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { entryTemplates } from './default-templates';
import { checkEntryForm, composeForm, emptyForm, formFromContent, withSimilarQuestion } from './entry-form';

const template = (name: string) => entryTemplates.find((candidate) => candidate.template === name)!;
const serviceGuide = template('serviceGuide');

function filledGuide() {
	const form = emptyForm('2026-01-01', 'serviceGuide');
	form.content.standardQuestion = '社保卡丢了怎么补办？';
	form.content.categoryId = 'category:card';
	form.content.similarQuestions = ['社保卡掉了咋办', '社保卡丢了怎么补办？', ' '];
	form.content.sources = [{ title: '社会保障卡管理办法' }];
	form.content.templateFields = [
		{ key: 'materials', value: '1. 身份证\n2. 近期照片' },
		{ key: 'process', value: '窗口申请，当场制卡' },
		{ key: 'timeLimit', value: '即时办结' }
	];
	form.freeAnswerHtml = '<p>异地参保人员请<strong>先挂失</strong>。</p><script>alert(1)</script>';
	return form;
}

describe('the entry form and its template', () => {
	it('asks for what the service-guide template requires', () => {
		const form = emptyForm('2026-01-01', 'serviceGuide');
		expect(checkEntryForm(form, serviceGuide)).toEqual({
			standardQuestion: '请填写标准问题（至少 2 个字）',
			categoryId: '请选择业务分类',
			templateFields: '请填写：办理材料、办理流程、办理时限',
			answer: '请填写答案',
			sources: '此类型须至少填写一条依据出处',
			similarQuestions: '此类型须至少填写一个相似问题'
		});
		expect(checkEntryForm(filledGuide(), serviceGuide)).toEqual({});
	});

	it('lets a case through with only the essentials and catches reversed dates', () => {
		const form = filledGuide();
		form.content.template = 'case';
		form.content.validTo = '2025-12-31';
		expect(checkEntryForm(form, template('case'))).toEqual({ validTo: '失效日期不能早于生效日期' });
	});

	it('renders the sections before the sanitized free answer and keeps plain text for search and SMS', () => {
		const content = composeForm(filledGuide(), serviceGuide);
		expect(content.answerHtml).toBe(
			'<h3>办理材料</h3><ol><li>身份证</li><li>近期照片</li></ol><h3>办理流程</h3><p>窗口申请，当场制卡</p>' +
				'<h3>办理时限</h3><p>即时办结</p><p>异地参保人员请<strong>先挂失</strong>。</p>'
		);
		expect(content.answerText).toContain('1. 身份证');
		expect(content.answerText).toContain('异地参保人员请先挂失。');
		expect(content.similarQuestions).toEqual(['社保卡掉了咋办']);
	});

	it('gives the editor back the free answer alone when an entry is opened again', () => {
		const content = composeForm(filledGuide(), serviceGuide);
		const form = formFromContent(content, serviceGuide);
		expect(form.freeAnswerHtml).toBe('<p>异地参保人员请<strong>先挂失</strong>。</p>');
		expect(composeForm(form, serviceGuide)).toEqual(content);
	});
});

describe('withSimilarQuestion', () => {
	it('adds a question the entry does not have yet, once', () => {
		const form = filledGuide();
		const added = withSimilarQuestion(form, '社保卡不见了去哪补');
		expect(added.content.similarQuestions).toEqual([...form.content.similarQuestions, '社保卡不见了去哪补']);
		expect(withSimilarQuestion(added, '社保卡不见了去哪补').content.similarQuestions).toHaveLength(
			added.content.similarQuestions.length
		);
	});

	it('leaves the form alone for an empty question or the standard question itself', () => {
		const form = filledGuide();
		expect(withSimilarQuestion(form, '')).toBe(form);
		expect(withSimilarQuestion(form, form.content.standardQuestion)).toBe(form);
	});
});

describe('an answer written before its template had fields', () => {
	const legacyHtml =
		'<p>遗失的先挂失再补卡。</p><h3>办理材料</h3><ol><li>身份证原件。</li><li>委托书。</li></ol>' +
		'<h3>办理流程</h3><p>到网点申请。</p><p>当场制卡。</p><h3>温馨提示</h3><p>带好证件。</p>';

	it('gives its headed sections to the fields and keeps the rest as the free answer, in order', () => {
		const form = formFromContent(
			{ ...composeForm(filledGuide(), serviceGuide), templateFields: [], answerHtml: legacyHtml },
			serviceGuide
		);
		expect(form.content.templateFields).toEqual([
			{ key: 'materials', value: '1. 身份证原件。\n2. 委托书。' },
			{ key: 'process', value: '到网点申请。\n当场制卡。' }
		]);
		expect(form.freeAnswerHtml).toBe('<p>遗失的先挂失再补卡。</p><h3>温馨提示</h3><p>带好证件。</p>');
		// Saved again, the sections render as they were written.
		const saved = composeForm(form, serviceGuide);
		expect(saved.answerHtml).toContain('<h3>办理材料</h3><ol><li>身份证原件。</li><li>委托书。</li></ol>');
	});

	it('leaves an answer alone when no heading names a section', () => {
		const html = '<p>只有一段说明。</p><h3>其他</h3><p>补充。</p>';
		const form = formFromContent(
			{ ...composeForm(filledGuide(), serviceGuide), templateFields: [], answerHtml: html },
			serviceGuide
		);
		expect(form.content.templateFields).toEqual([]);
		expect(form.freeAnswerHtml).toBe(html);
	});
});
