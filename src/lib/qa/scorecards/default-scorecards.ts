// The two scorecards the product ships (version 1), after the hotlines' own QA practice: 100 points, and
// red lines for the faults that zero a call whatever else went well. Setup writes them once; supervisors
// then revise them in the app, and a revision of a used version is a new version. Criterion keys are
// stable: evaluations, comments and the demo data refer to them.
import type { Scorecard } from '$lib/db/generated/documents';
import type { Criterion, Section } from '../scoring/score-evaluation';

export type ShippedScorecard = Omit<Scorecard, 'updatedBy' | 'updatedAt'>;

interface ItemOptions {
	allowNotApplicable?: boolean;
	description?: string;
}

function item(
	key: string,
	name: string,
	maxPoints: number,
	deductions: Array<[points: number, reason: string]>,
	options: ItemOptions = {}
): Criterion {
	return {
		key,
		name,
		maxPoints,
		redLine: false,
		allowNotApplicable: options.allowNotApplicable ?? false,
		deductions: deductions.map(([points, reason]) => ({ points, reason })),
		...(options.description ? { description: options.description } : {})
	};
}

/** A red line without points: it only passes or fails, and failing it zeroes the call. */
function redLine(key: string, name: string, description: string): Criterion {
	return { key, name, maxPoints: 0, redLine: true, allowNotApplicable: false, description };
}

const hotline12345: Section[] = [
	{
		key: 'attitude',
		name: '服务态度',
		criteria: [
			item(
				'warmth',
				'亲和力',
				8,
				[
					[2, '语气生硬、冷淡'],
					[4, '不耐烦、敷衍应付']
				],
				{ description: '语气亲切自然，语速适中，让来电人感到被尊重。' }
			),
			item('listening', '耐心倾听，不打断来电人', 7, [
				[3, '打断来电人陈述'],
				[2, '未确认来电人诉求即作答']
			]),
			item('emotion', '情绪疏导', 5, [[3, '来电人情绪激动时未安抚']], {
				allowNotApplicable: true,
				description: '来电人情绪平稳时可标为不适用。'
			})
		]
	},
	{
		key: 'phrases',
		name: '规范用语',
		criteria: [
			item(
				'opening',
				'开头语',
				5,
				[
					[2, '未报工号'],
					[5, '未使用规范开头语']
				],
				{ description: '“您好，12345政务服务便民热线，工号××为您服务。”' }
			),
			item(
				'closing',
				'结束语',
				5,
				[
					[2, '未询问是否还有其他问题'],
					[3, '未使用规范结束语']
				],
				{ description: '“请问还有其他可以帮您的吗？感谢您的来电，再见。”' }
			),
			item('courtesy', '礼貌用语，无服务禁语', 5, [
				[2, '使用口头禅或网络用语'],
				[5, '使用服务禁语（如“不知道”“不归我们管”）']
			])
		]
	},
	{
		key: 'competence',
		name: '业务能力',
		criteria: [
			item('policy', '政策解答准确', 15, [
				[5, '解答不完整，遗漏办理条件或材料'],
				[10, '解答有误，但未造成不良影响']
			]),
			item('knowledge', '知识库使用', 5, [
				[3, '查询时间过长，冷场超过 10 秒'],
				[2, '未按知识库标准答案答复']
			]),
			item(
				'resolution',
				'一次性解决',
				10,
				[
					[5, '能当场答复的咨询转为工单'],
					[3, '未告知办理渠道或下一步']
				],
				{ allowNotApplicable: true, description: '需转办的求助、投诉类来电可标为不适用。' }
			)
		]
	},
	{
		key: 'ticket',
		name: '工单记录准确性',
		criteria: [
			item('complaint', '诉求记录完整准确', 10, [
				[3, '要素缺失（时间、地点、对象、诉求）'],
				[6, '记录内容与通话不符']
			]),
			item('contact', '地址、联系方式核实', 5, [
				[3, '未核实联系电话'],
				[2, '地址记录不详']
			])
		]
	},
	{
		key: 'dispatch',
		name: '派单准确性',
		criteria: [
			item('unit', '承办单位选择正确', 12, [[12, '派错承办单位']], {
				allowNotApplicable: true,
				description: '当场办结、无需派单的来电可标为不适用。'
			}),
			item('category', '诉求分类准确', 8, [
				[4, '业务分类错误'],
				[2, '紧急程度标注错误']
			])
		]
	},
	{
		key: 'redlines',
		name: '一票否决项',
		criteria: [
			redLine('abuse', '与来电人争吵或辱骂（态度恶劣）', '与来电人争吵、辱骂、嘲讽，或无故挂断来电。'),
			redLine('privacy', '泄露来电人个人信息', '向无关单位或人员透露来电人姓名、号码、住址等信息。'),
			redLine('wrong-policy', '政策答复严重错误造成不良影响', '错误答复导致来电人权益受损、引发投诉或舆情。')
		]
	}
];

const youth12355: Section[] = [
	{
		key: 'counselling',
		name: '心理疏导',
		criteria: [
			item('empathy', '共情与倾听', 12, [
				[4, '未回应来电人的感受'],
				[6, '急于给建议，忽视倾听']
			]),
			item('soothing', '情绪安抚', 10, [
				[4, '来电人情绪未缓和即转换话题'],
				[3, '安抚语言空泛、套话']
			]),
			item('guidance', '引导求助', 8, [
				[4, '未告知可求助的渠道'],
				[2, '未鼓励来电人向家长或老师求助']
			])
		]
	},
	{
		key: 'crisis',
		name: '危机识别与转介',
		criteria: [
			item('risk', '自伤自杀风险评估', 15, [[8, '出现风险线索未追问']], {
				allowNotApplicable: true,
				description: '通话中无任何风险线索时可标为不适用。'
			}),
			item(
				'referral',
				'及时转介与联动',
				10,
				[
					[5, '需要转介时未说明转介方式'],
					[5, '未按规定通知监护人或联动单位']
				],
				{ allowNotApplicable: true }
			),
			redLine(
				'missed-crisis',
				'未识别或未处置危机情况',
				'来电人表达自伤、自杀或正遭受侵害，未评估风险、未转介或未联动处置。'
			)
		]
	},
	{
		key: 'professional',
		name: '专业规范',
		criteria: [
			item('confidentiality', '保密告知', 8, [[4, '未告知保密原则及其例外']]),
			item('non-judgement', '不评判、不说教', 10, [
				[4, '评判来电人或其家人'],
				[6, '说教、训诫']
			]),
			item('follow-up', '结束与回访约定', 7, [[3, '未约定回访时间或方式']], {
				allowNotApplicable: true
			}),
			redLine('privacy-12355', '泄露来电人隐私', '向无关人员透露未成年人或其家庭的个人信息。')
		]
	},
	{
		key: 'service',
		name: '服务态度',
		criteria: [
			item('opening-12355', '规范开头语', 5, [[3, '未使用规范开头语']], {
				description: '“您好，12355青少年服务台，我是××，请讲。”'
			}),
			item('patience', '耐心、温和', 10, [
				[4, '语速过快或语气生硬'],
				[6, '不耐烦、催促来电人']
			]),
			item('closing-12355', '规范结束语', 5, [[3, '未使用规范结束语']]),
			redLine('harm', '言语伤害来电人', '指责、讽刺、威胁来电人。')
		]
	}
];

export const defaultScorecards: ShippedScorecard[] = [
	{
		_id: 'scorecard:hotline-12345-v1',
		type: 'scorecard',
		family: 'hotline-12345',
		name: '12345政务服务便民热线通话质检评分表',
		hotline: '12345',
		version: 1,
		description: '满分 100 分；触发任一一票否决项，总分为 0。',
		sections: hotline12345
	},
	{
		_id: 'scorecard:youth-12355-v1',
		type: 'scorecard',
		family: 'youth-12355',
		name: '12355青少年服务热线通话质检评分表',
		hotline: '12355',
		version: 1,
		description: '满分 100 分；未识别或未处置危机情况等一票否决项触发时，总分为 0。',
		sections: youth12355
	}
];
