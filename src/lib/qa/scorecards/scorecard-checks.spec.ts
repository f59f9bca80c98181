import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/db/generated/documents';
import type { Criterion } from '../scoring/score-evaluation';
import { scorecardWith } from '../scoring/scorecard-fixture';
import { checkScorecard, problemMessagesOf, scorecardProblems } from './scorecard-checks';

/** One section 服务态度 (s1) of items numbered 评分项1, 评分项2 … unless a case names them. */
function card(criteria: Array<Partial<Criterion>>, changes: Partial<Scorecard> = {}): Scorecard {
	const scorecard = scorecardWith(
		criteria.map((criterion, index) => ({
			key: `item-${index + 1}`,
			name: `评分项${index + 1}`,
			...criterion
		}))
	);
	const [section] = scorecard.sections;
	return { ...scorecard, sections: [{ ...section!, key: 's1', name: '服务态度' }], ...changes };
}

describe('checkScorecard', () => {
	const cases: Array<[string, Scorecard, string[]]> = [
		['a sound card', card([{}, { redLine: true, maxPoints: 0 }]), []],
		['an empty card name', card([{}], { name: '  ' }), ['请填写评分表名称']],
		['a card name too long', card([{}], { name: '长'.repeat(81) }), ['评分表名称不超过 80 个字']],
		['no sections', card([], { sections: [] }), ['至少需要一个分组']],
		[
			'an unnamed section and a section without items',
			card([{}], {
				sections: [
					{ key: 's1', name: '', criteria: [card([{}]).sections[0]!.criteria[0]!] },
					{ key: 's2', name: '空组', criteria: [] }
				]
			}),
			['第 1 个分组没有名称', '分组“空组”至少需要一个评分项']
		],
		[
			'duplicate section keys',
			card([{}], {
				sections: [
					{ key: 's1', name: '一', criteria: [card([{}]).sections[0]!.criteria[0]!] },
					{ key: 's1', name: '二', criteria: [{ ...card([{}]).sections[0]!.criteria[0]!, key: 'other' }] }
				]
			}),
			['分组编号 s1 重复']
		],
		['an unnamed item', card([{ name: ' ' }]), ['分组“服务态度”第 1 项没有名称']],
		['duplicate criterion keys', card([{ key: 'x' }, { key: 'x' }]), ['评分项编号 x 重复']],
		[
			'a key outside the pattern',
			card([{ key: '亲和力' }]),
			['“评分项1”的编号 亲和力 只能用字母、数字和连字符，最长 40 位']
		],
		[
			'0 points on a scored item',
			card([{}, { maxPoints: 0 }]),
			['“评分项2”的满分须大于 0（只有一票否决项可为 0 分）']
		],
		['negative points', card([{}, { maxPoints: -5 }]), ['“评分项2”的满分不能为负']],
		['points left empty (NaN)', card([{}, { maxPoints: Number.NaN }]), ['“评分项2”的满分须填写数字']],
		['points above 1000', card([{ maxPoints: 1001 }]), ['“评分项1”的满分不超过 1000']],
		['a negative weight', card([{}, { weight: -1 }]), ['“评分项2”的权重不能为负']],
		['a weight above 100', card([{ weight: 101 }]), ['“评分项1”的权重不超过 100']],
		[
			'a weight left unreadable',
			card([{}, { weight: Number.NaN }]),
			['“评分项2”的权重须填写数字，或留空表示按满分计']
		],
		[
			'a deduction worth more than its item',
			card([{ maxPoints: 5, deductions: [{ points: 8, reason: '语气生硬' }] }]),
			['“评分项1”的扣分项“语气生硬”扣 8 分，超过了该项满分 5 分']
		],
		[
			'a deduction without a reason',
			card([{ deductions: [{ points: 2, reason: ' ' }] }]),
			['“评分项1”有扣分项没有写原因']
		],
		[
			'a deduction worth nothing',
			card([{ deductions: [{ points: 0, reason: '语气生硬' }] }]),
			['“评分项1”的扣分项“语气生硬”扣分须大于 0']
		],
		[
			'two deductions with one reason',
			card([
				{
					deductions: [
						{ points: 1, reason: '语气生硬' },
						{ points: 2, reason: '语气生硬' }
					]
				}
			]),
			['“评分项1”的扣分原因“语气生硬”重复']
		],
		[
			'only red lines without points',
			card([{ redLine: true, maxPoints: 0 }]),
			['至少需要一个计分的评分项（满分为 0 的一票否决项只判定是否触发）']
		],
		[
			'unnamed items are told apart by their place',
			card([{ name: '' }, { name: '' }]),
			['分组“服务态度”第 1 项没有名称', '分组“服务态度”第 2 项没有名称']
		]
	];

	it.each(cases)('%s', (_name, scorecard, expected) => {
		expect(checkScorecard(scorecard)).toEqual(expected);
	});

	it('lists a repeated message once', () => {
		const scorecard = card([{ key: 'x' }, { key: 'x' }, { key: 'x' }]);
		expect(checkScorecard(scorecard)).toEqual(['评分项编号 x 重复']);
		expect(scorecardProblems(scorecard)).toHaveLength(2);
	});

	it('ties each problem to its section or item', () => {
		const scorecard = card([{ maxPoints: 0 }], { name: '' });
		expect(scorecardProblems(scorecard)).toEqual([
			{ key: null, field: 'name', message: '请填写评分表名称' },
			{ key: 'item-1', message: '“评分项1”的满分须大于 0（只有一票否决项可为 0 分）' },
			{ key: null, message: '至少需要一个计分的评分项（满分为 0 的一票否决项只判定是否触发）' }
		]);
	});

	it('says each message once per item, for the form to list them by message', () => {
		// Two options without a reason give the same message twice; the form keys its list by message.
		const scorecard = card([
			{
				deductions: [
					{ reason: '', points: 1 },
					{ reason: ' ', points: 2 }
				]
			}
		]);
		expect(scorecardProblems(scorecard).filter((problem) => problem.key === 'item-1')).toHaveLength(2);
		expect(problemMessagesOf(scorecardProblems(scorecard), 'item-1')).toEqual([
			'“评分项1”有扣分项没有写原因'
		]);
		expect(problemMessagesOf(scorecardProblems(scorecard), null)).toEqual([]);
	});

	it('names the card field at fault', () => {
		const long = card([{}], { name: '', description: '长'.repeat(501) });
		expect(scorecardProblems(long).filter((problem) => problem.field)).toEqual([
			{ key: null, field: 'name', message: '请填写评分表名称' },
			{ key: null, field: 'description', message: '评分表说明不超过 500 个字' }
		]);
	});
});
