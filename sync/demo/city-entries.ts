// Sub-platform (分平台) demo entries: three of 海口's and one of 三亚's, published, seen only by those cities'
// agents (pub-haikou, pub-sanya) and edited only by those cities' staff or the province's. 海口's 居住证 entry
// overrides the province's (替代全省知识点): 海口's agents find it in its place.
import type { Entry } from '../../src/lib/db/generated/documents';
import type { DemoEntry } from '../setup/demo-knowledge';

export const demoCityEntries: (DemoEntry & Pick<Entry, 'overrides'>)[] = [
	{
		_id: 'entry:haikou-ebike-plate',
		subPlatform: 'haikou',
		template: 'serviceGuide',
		standardQuestion: '海口市电动自行车怎么上牌？',
		categoryId: 'category:jiaotong',
		answerHtml:
			'<p>在海口市购买的符合国家标准的电动自行车，凭购车发票、车辆合格证和本人身份证，到海口市公安局交警支队指定的登记点办理登记上牌，现场查验车辆后当场发放号牌。</p><h3>办理材料</h3><ol><li>本人有效居民身份证。</li><li>购车发票。</li><li>车辆合格证（须列入国家电动自行车产品目录）。</li></ol><h3>收费标准</h3><p>登记上牌不收费。</p>',
		answerText:
			'在海口市购买的符合国家标准的电动自行车，凭购车发票、车辆合格证和本人身份证，到海口市公安局交警支队指定的登记点办理登记上牌，现场查验车辆后当场发放号牌。\n办理材料\n1. 本人有效居民身份证。\n2. 购车发票。\n3. 车辆合格证（须列入国家电动自行车产品目录）。\n收费标准\n登记上牌不收费。',
		sources: [{ title: '海口市电动自行车管理规定', issuer: '海口市人民政府' }],
		similarQuestions: ['海口电动车上牌去哪里', '电瓶车在海口怎么挂牌'],
		relatedEntries: [],
		keywords: ['电动自行车', '上牌', '海口'],
		region: '海口市',
		validFrom: '2025-01-01',
		validTo: null
	},
	{
		_id: 'entry:haikou-parking-fee',
		subPlatform: 'haikou',
		template: 'faq',
		standardQuestion: '海口市路边停车怎么收费？',
		categoryId: 'category:jiaotong',
		answerHtml:
			'<p>海口市城市道路临时停车泊位实行分时段计费，首 30 分钟内免费，之后按小时计费，具体标准以泊位标牌公示为准。可通过“椰城市民云”缴费；对收费有异议的，可向海口市发展和改革委员会价格监督部门反映。</p>',
		answerText:
			'海口市城市道路临时停车泊位实行分时段计费，首 30 分钟内免费，之后按小时计费，具体标准以泊位标牌公示为准。可通过“椰城市民云”缴费；对收费有异议的，可向海口市发展和改革委员会价格监督部门反映。',
		sources: [],
		similarQuestions: ['海口路边停车多少钱'],
		relatedEntries: [],
		keywords: ['停车', '收费', '海口'],
		region: '海口市',
		validFrom: '2025-01-01',
		validTo: null
	},
	{
		_id: 'entry:haikou-residence-permit',
		subPlatform: 'haikou',
		overrides: 'entry:residence-permit',
		template: 'serviceGuide',
		standardQuestion: '海口市居住证怎么办理？',
		categoryId: 'category:huzheng-residence',
		answerHtml:
			'<p>在海口市居住半年以上，有合法稳定就业、合法稳定住所或连续就读之一的，可以在海口市申领居住证。先在居住地办理居住登记，可到社区或通过“椰城市民云”APP在线登记。</p><h3>办理材料</h3><ol><li>本人居民身份证。</li><li>本人近期相片（可现场采集）。</li><li>在海口的住址证明：不动产权证书、房屋租赁合同或单位、学校出具的住宿证明。</li><li>就业证明（劳动合同、营业执照或在海口的社保缴纳记录）或就读证明。</li></ol><h3>办理地点</h3><p>居住地所属公安派出所，或秀英区、龙华区、琼山区、美兰区政务服务中心公安窗口。</p><h3>办理时限</h3><p>材料齐全的，自受理之日起10个工作日内制证，可选择邮寄送达。</p><h3>收费标准</h3><p>首次申领免费；丢失补领、损坏换领的，收取工本费20元。</p><h3>咨询电话</h3><p>12345（可转海口市公安局答复）。</p>',
		answerText:
			'在海口市居住半年以上，有合法稳定就业、合法稳定住所或连续就读之一的，可以在海口市申领居住证。先在居住地办理居住登记，可到社区或通过“椰城市民云”APP在线登记。\n办理材料\n1. 本人居民身份证。\n2. 本人近期相片（可现场采集）。\n3. 在海口的住址证明：不动产权证书、房屋租赁合同或单位、学校出具的住宿证明。\n4. 就业证明（劳动合同、营业执照或在海口的社保缴纳记录）或就读证明。\n办理地点\n居住地所属公安派出所，或秀英区、龙华区、琼山区、美兰区政务服务中心公安窗口。\n办理时限\n材料齐全的，自受理之日起10个工作日内制证，可选择邮寄送达。\n收费标准\n首次申领免费；丢失补领、损坏换领的，收取工本费20元。\n咨询电话\n12345（可转海口市公安局答复）。',
		sources: [{ title: '居住证暂行条例', documentNumber: '国务院令第663号', issuer: '国务院' }],
		similarQuestions: ['在海口办居住证要啥', '海口居住证在哪个派出所办', '海口居住证多久能拿到'],
		relatedEntries: [],
		keywords: ['居住证', '居住登记', '海口'],
		region: '海口市',
		validFrom: '2025-01-01',
		validTo: null
	},
	{
		_id: 'entry:sanya-beach-parking',
		subPlatform: 'sanya',
		template: 'faq',
		standardQuestion: '三亚市海滩公共停车场怎么收费？',
		categoryId: 'category:jiaotong',
		answerHtml:
			'<p>三亚市海滩周边公共停车场由各区停车管理单位运营，收费标准在停车场入口公示，节假日可能上调。对收费有异议的，可拨打12345或向三亚市市场监督管理局反映。</p>',
		answerText:
			'三亚市海滩周边公共停车场由各区停车管理单位运营，收费标准在停车场入口公示，节假日可能上调。对收费有异议的，可拨打12345或向三亚市市场监督管理局反映。',
		sources: [],
		similarQuestions: ['三亚海边停车贵不贵'],
		relatedEntries: [],
		keywords: ['停车', '海滩', '三亚'],
		region: '三亚市',
		validFrom: '2025-01-01',
		validTo: null
	}
];
