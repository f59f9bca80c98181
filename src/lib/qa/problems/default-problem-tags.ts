// The problem types setup ships (共性问题 the seeds and hotlines name most), for supervisors to keep in the app.
import type { ProblemTag } from '$lib/db/generated/documents';

const TYPES: Array<[key: string, name: string, description: string]> = [
	['attitude', '服务态度生硬', '语气冷淡、不耐烦、打断来电人'],
	['shirking', '推诿扯皮', '以“不归我们管”等推脱，未记录或转办'],
	['wrong-policy', '政策解答错误', '答复与政策、知识库不符'],
	['no-verify', '未核实信息', '未核实联系电话、地址、身份等'],
	['record-incomplete', '工单记录不全', '诉求、时间、地点等记录缺漏'],
	['wrong-dispatch', '派单错误', '承办单位或分类选择错误'],
	['no-soothing', '情绪安抚不足', '来电人情绪激动时未安抚'],
	['knowledge-gap', '知识库缺失或过时', '知识库查无答案或答案过期'],
	['script', '规范用语不到位', '开头语、结束语、礼貌用语不规范']
];

export function defaultProblemTags(updatedAt: string): ProblemTag[] {
	return TYPES.map(([key, name, description], index) => ({
		_id: `problemTag:${key}`,
		type: 'problemTag',
		key,
		name,
		description,
		active: true,
		order: (index + 1) * 10,
		updatedBy: 'system',
		updatedAt
	}));
}
