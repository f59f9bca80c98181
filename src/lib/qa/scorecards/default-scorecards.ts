// The two scorecards the product ships (version 1), from the hotlines' own QA practice: 100 points, red
// lines for the faults that zero a call whatever else went well. Setup writes them once; inspectors then
// revise them in the app, and every revision is a new version.
import type { Scorecard } from '$lib/db/generated/documents';

type Section = Scorecard['sections'][number];
type Criterion = Section['criteria'][number];

const item = (
	key: string,
	name: string,
	maxPoints: number,
	deductions: Array<[number, string]> = [],
	options: Partial<Criterion> = {}
): Criterion => ({
	key,
	name,
	maxPoints,
	redLine: false,
	allowNotApplicable: false,
	...(deductions.length ? { deductions: deductions.map(([points, reason]) => ({ points, reason })) } : {}),
	...options
});

const redLine = (key: string, name: string, description: string): Criterion => ({
	key,
	name,
	maxPoints: 0,
	redLine: true,
	allowNotApplicable: false,
	description
});

const hotline12345: Section[] = [
	{
		key: 'attitude',
		name: '服务态度',
		criteria: [
			item('warmth', '亲和力与语气', 8, [
				[2, '语气生硬、冷淡'],
				[4, '不耐烦、敷衍']
			]),
			item('listening', '耐心倾听，不打断来电人', 7, [
				[3, '打断来电人陈述'],
				[2, '未确认来电人诉求即作答']
			]),
			item('emotion', '情绪疏导', 5, [[3, '来电人情绪激动时未安抚']], { allowNotApplicable: true })
		]
	},
	{
		key: 'phrases',
		name: '规范用语',
		criteria: [
			item('opening', '开头语（您好，12345…工号…为您服务）', 5, [
				[2, '未报工号'],
				[5, '未使用规范开头语']
			]),
			item('closing', '结束语与满意度提示', 5, [
				[2, '未询问是否还有其他问题'],
				[3, '未使用规范结束语']
			]),
			item('courtesy', '礼貌用语，无禁语', 5, [
				[2, '口头禅、网络用语'],
				[5, '使用服务禁语']
			])
		]
	},
	{
		key: 'competence',
		name: '业务能力',
		criteria: [
			item('policy', '政策解答准确', 15, [
				[5, '解答不完整'],
				[10, '解答有误但未造成影响']
			]),
			item('knowledge', '熟练使用知识库', 5, [[3, '查询时间过长，冷场超过 10 秒']]),
			item('resolution', '一次性解决（能答即答）', 10, [[5, '可直接解答的问题转办']], {
				allowNotApplicable: true
			})
		]
	},
	{
		key: 'ticket',
		name: '工单记录准确性',
		criteria: [
			item('complaint', '诉求记录完整准确', 10, [
				[3, '要素缺失（时间、地点、对象）'],
				[6, '诉求记录与通话不符']
			]),
			item('contact', '核实地址与联系方式', 5, [
				[3, '未核实联系电话'],
				[2, '地址记录不详']
			])
		]
	},
	{
		key: 'dispatch',
		name: '派单准确性',
		criteria: [
			item('unit', '承办单位选择正确', 12, [[12, '派错承办单位']], { allowNotApplicable: true }),
			item('category', '诉求分类准确', 8, [[4, '业务分类错误']])
		]
	},
	{
		key: 'redlines',
		name: '一票否决项',
		criteria: [
			redLine('abuse', '与来电人争吵、辱骂或挂断来电', '服务态度恶劣，造成有理由投诉'),
			redLine('privacy', '泄露来电人个人信息', '向无关人员或单位透露来电人姓名、号码、住址等'),
			redLine('wrong-policy', '政策答复严重错误造成不良影响', '错误答复导致来电人权益受损或引发舆情')
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
			item('soothing', '情绪安抚', 10, [[4, '来电人情绪未见缓和即结束话题']]),
			item('guidance', '引导求助与资源提供', 8, [[4, '未告知可求助的渠道']])
		]
	},
	{
		key: 'crisis',
		name: '危机识别与转介',
		criteria: [
			item('risk', '自伤自杀风险评估', 15, [[8, '出现风险线索未追问']], { allowNotApplicable: true }),
			item('referral', '及时转介与联动', 10, [[5, '需要转介时未说明转介方式']], {
				allowNotApplicable: true
			})
		]
	},
	{
		key: 'professional',
		name: '专业规范',
		criteria: [
			item('confidentiality', '保密原则告知', 8, [[4, '未告知保密原则及其例外']]),
			item('non-judgement', '不评判、不说教', 10, [
				[4, '评判来电人或其家人'],
				[6, '说教、训诫']
			]),
			item('follow-up', '结束与回访约定', 7, [[3, '未约定后续联系方式']], { allowNotApplicable: true })
		]
	},
	{
		key: 'service',
		name: '服务态度',
		criteria: [
			item('opening-12355', '规范开头语与自我介绍', 5, [[3, '未使用规范开头语']]),
			item('patience', '耐心、温和', 10, [[4, '语速过快或语气生硬']]),
			item('closing-12355', '规范结束语', 5, [[3, '未使用规范结束语']])
		]
	},
	{
		key: 'redlines',
		name: '一票否决项',
		criteria: [
			redLine('missed-crisis', '未识别或未处置危机情况', '来电人表达自伤、自杀或受侵害风险而未评估、未转介'),
			redLine('privacy-12355', '泄露来电人隐私', '向无关人员透露未成年人或家长的个人信息'),
			redLine('harm', '言语伤害来电人', '指责、讽刺、威胁来电人')
		]
	}
];

export const defaultScorecards: Array<Omit<Scorecard, 'updatedBy' | 'updatedAt'>> = [
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
