import { describe, expect, it } from 'vitest';
import { submissionProblems } from './evaluation-checks';
import { problemsBesideItems } from './problems-beside-items';
import { scoreEvaluation, scoresByKey, type Score } from './score-evaluation';
import { line, scorecardWith } from './scorecard-fixture';

const scorecard = scorecardWith([
	{ key: 'greet', name: '开头语' },
	{ key: 'record', name: '工单记录', allowNotApplicable: true },
	{ key: 'policy', name: '政策答复', redLine: true }
]);

/** What the form passes: the checks' problems, the undecided keys and the score lines themselves. */
function shown(scores: Score[]): Map<string, string> {
	const undecided = new Set(scoreEvaluation(scorecard, scores).unscored);
	return problemsBesideItems(submissionProblems(scorecard, scores), undecided, scoresByKey(scores));
}

describe('problemsBesideItems', () => {
	it.each([
		{ what: 'nothing for a form nobody has touched', scores: [], expected: [] },
		{
			what: 'nothing for an item cleared back to empty',
			scores: [line('greet', null), line('record', 10), line('policy', 10, { redLineFailed: false })],
			expected: []
		},
		{
			what: 'a deduction without a reason',
			scores: [line('greet', 7)],
			expected: [['greet', '“开头语”有扣分，须选择扣分原因或填写评语']]
		},
		{
			what: 'points out of range',
			scores: [line('greet', 12)],
			expected: [['greet', '“开头语”的得分须在 0 到 10 之间']]
		},
		{
			what: 'a failed red line without a reason',
			scores: [line('policy', null, { redLineFailed: true })],
			expected: [['policy', '“政策答复”触发一票否决，须写明原因']]
		},
		{
			what: 'N/A where it is not allowed, though the item is still undecided',
			scores: [line('greet', null, { notApplicable: true })],
			expected: [['greet', '“开头语”不允许标为不适用']]
		},
		{
			what: 'nothing once the reason is written',
			scores: [
				line('greet', 7, { comment: '语速过快' }),
				line('policy', null, { redLineFailed: true, comment: '答复错误' })
			],
			expected: []
		}
	])('shows $what', ({ scores, expected }) => {
		expect([...shown(scores)]).toEqual(expected);
	});
});
