import { describe, expect, it } from 'vitest';
import { demoEntries } from '../../../tests/fixtures/demo-knowledge';
import { answerPassageOf, type AnswerPassage } from './answer-passage';
import { wholeTermsOf } from './whole-terms';

const reissueAnswer = demoEntries.find((entry) => entry._id === 'entry:shebao-card-reissue')!.answerText;

/** The passage as a result shows it: ellipses, and matched words in brackets. */
const shown = (passage: AnswerPassage | null) =>
	passage &&
	`${passage.leadingEllipsis ? '…' : ''}${passage.segments
		.map((segment) => (segment.match ? `[${segment.text}]` : segment.text))
		.join('')}${passage.trailingEllipsis ? '…' : ''}`;

describe('answerPassageOf', () => {
	it('shows 工本费 deep in a long answer under its heading, and focuses it', () => {
		const passage = answerPassageOf(reissueAnswer, ['工本', '本费']);
		expect(shown(passage)).toBe(
			'…收费标准：首次申领免费。遗失补办、人为损坏换卡的，按本省核定标准收取[工本费]（部分合作银行减免，以网点公示为准）；卡片自然损坏或有…'
		);
		expect(passage?.focus).toEqual({ text: '工本费', occurrence: 0 });
	});

	it('keeps to about the width asked, centred on the match, and drops a heading that does not fit', () => {
		const passage = answerPassageOf(reissueAnswer, ['工本', '本费'], 20);
		expect(shown(passage)).toBe('…本省核定标准收取[工本费]（部分合作银行减免…');
		expect(passage!.segments.map((segment) => segment.text).join('')).toHaveLength(20);
	});

	it('prefers the window holding more of the terms', () => {
		// 12333 stands three times; only the 挂失 line also holds APP.
		const passage = answerPassageOf(reissueAnswer, ['12333', 'app']);
		expect(shown(passage)).toContain('拨打[12333]，或通过电子社保卡、掌上[12333] [APP]');
		expect(passage?.focus).toEqual({ text: '12333', occurrence: 0 });
	});

	it('counts which occurrence the focused words are', () => {
		const answer = `办理材料：身份证。\n${'其他说明'.repeat(10)}\n补办时携带身份证和照片。`;
		const passage = answerPassageOf(answer, ['身份', '份证', '照片'], 20);
		expect(shown(passage)).toBe('…补办时携带[身份证]和[照片]。');
		expect(passage?.focus).toEqual({ text: '身份证', occurrence: 1 });
	});

	it('marks a number only where it stands whole', () => {
		const passage = answerPassageOf('请拨打123334查询，或拨打12333人工服务', ['12333']);
		expect(shown(passage)).toBe('请拨打123334查询，或拨打[12333]人工服务');
		expect(passage?.focus).toEqual({ text: '12333', occurrence: 1 });
		expect(answerPassageOf('请拨打123334查询', ['12333'])).toBeNull();
	});

	it('marks a 文号 however the answer brackets it', () => {
		const key = wholeTermsOf('人社部发〔2023〕12号', { asQuery: true })[0]!.key;
		const passage = answerPassageOf('办理依据\n按人社部发[2023]第12号文件执行。', [key]);
		expect(shown(passage)).toBe('办理依据：按[人社部发[2023]第12号]文件执行。');
		expect(passage?.focus).toEqual({ text: '人社部发[2023]第12号', occurrence: 0 });
	});

	it('shows line breaks as a slash and starts at the line of the match', () => {
		const passage = answerPassageOf('第一段说明。\n第二段里有补卡的办法。\n第三段。', ['补卡'], 30);
		expect(shown(passage)).toBe('…第二段里有[补卡]的办法。 / 第三段。');
	});

	it('never cuts into a matched term at the edge of the window', () => {
		// Centred on 补办理, the window would start inside 子丑: it starts after it instead.
		const passage = answerPassageOf(
			'甲乙丙丁戊己庚辛壬癸子丑寅卯补办理辰巳午未申酉戌亥',
			['子丑', '补办', '办理'],
			10
		);
		expect(shown(passage)).toBe('…寅卯[补办理]辰巳午未…');
	});

	it('is null when nothing matches', () => {
		expect(answerPassageOf(reissueAnswer, ['公积', '积金'])).toBeNull();
		expect(answerPassageOf(reissueAnswer, [])).toBeNull();
		expect(answerPassageOf('', ['补卡'])).toBeNull();
	});
});
