// A month's worth of front-line activity for the demo, so that 一线反馈, 无结果检索, 相似问建议 and the privacy
// rules have something to show and hold back: search logs and reports of three agents (written into their
// own databases, from where the server's jobs carry them), an editor's draft, and an entry with a version
// history. Ids are fixed per Beijing month, so a restart in the same month adds nothing twice.
import type { ServerScope } from 'nano';
import { agentFeedbackDatabaseName, FEEDBACK_DB, KNOWLEDGE_DB } from '../../src/lib/db/catalog';
import type { Entry, EntryVersion, SearchLog } from '../../src/lib/db/generated/documents';
import { versionSnapshot } from '../../src/lib/knowledge/workflow/entry-workflow';
import { BEIJING_OFFSET_MS } from '../../src/lib/time';
import { insertMissingDocuments } from './bulk-insert';
import { ensurePublications } from './publications';

type Search = [agent: string, query: string, resultCount: number, openedEntryId?: string];

const SEARCHES: Search[] = [
	['agent01', '电动车上牌', 0],
	['agent02', '电动车上牌', 0],
	['agent01', '电动车上牌', 0],
	['agent01', '无人机备案', 0],
	['agent02', '无人机备案', 0],
	['agent03', '养犬证怎么办', 0],
	['agent01', '社保卡不见了怎么重新办', 6, 'entry:shebao-card-reissue'],
	['agent02', '社保卡不见了怎么重新办', 6, 'entry:shebao-card-reissue'],
	['agent01', '社保卡不见了怎么重新办', 6, 'entry:shebao-card-reissue'],
	['agent01', '公积金提取', 5, 'entry:gjj-withdraw-rent'],
	['agent02', '身份证到期换证', 4, 'entry:idcard-renew'],
	['agent03', '海口电动自行车上牌', 3, 'entry:haikou-ebike-plate'],
	['agent04', '三亚海滩停车', 2, 'entry:sanya-beach-parking'],
	['agent02', '居住证', 8]
];

/** Spread over the month so far (the last searches are the latest), in Beijing time. */
function timeOf(index: number, total: number, now: Date): string {
	const beijing = new Date(now.getTime() + BEIJING_OFFSET_MS);
	const monthStart = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), 1) - BEIJING_OFFSET_MS;
	const span = Math.max(60_000, now.getTime() - monthStart - 60_000);
	return new Date(monthStart + Math.round((span * (index + 1)) / (total + 1))).toISOString();
}

function searchLogs(month: string, now: Date): Map<string, SearchLog[]> {
	const byAgent = new Map<string, SearchLog[]>();
	SEARCHES.forEach(([agent, query, resultCount, openedEntryId], index) => {
		const log: SearchLog = {
			_id: `searchLog:demo${month.replace('-', '')}-${String(index).padStart(3, '0')}:${agent}`,
			type: 'searchLog',
			query,
			resultCount,
			...(openedEntryId ? { openedEntryId } : {}),
			createdBy: agent,
			createdAt: timeOf(index, SEARCHES.length, now)
		};
		byAgent.set(agent, [...(byAgent.get(agent) ?? []), log]);
	});
	return byAgent;
}

function reports(month: string, now: Date) {
	const id = (type: string, n: number, agent: string) =>
		`${type}:demo${month.replace('-', '')}-${n}:${agent}`;
	const at = timeOf(SEARCHES.length - 1, SEARCHES.length, now);
	return {
		agent01: [
			{
				_id: id('searchMiss', 1, 'agent01'),
				type: 'searchMiss',
				text: '无人机备案',
				note: '来电人问无人机航拍需要去哪里备案，知识库没有',
				status: 'open',
				createdBy: 'agent01',
				createdAt: at
			}
		],
		agent02: [
			{
				_id: id('correction', 1, 'agent02'),
				type: 'correction',
				text: '办理材料里没写照片回执，来电人说窗口要求带',
				entryId: 'entry:idcard-renew',
				status: 'open',
				createdBy: 'agent02',
				createdAt: at
			}
		]
	};
}

/** An editor's answered question: written where editors handle it; the server carries it back to its agent. */
function answeredQuestion(month: string, now: Date) {
	const at = timeOf(2, SEARCHES.length, now);
	return {
		_id: `knowledgeQuestion:demo${month.replace('-', '')}-1:agent01`,
		type: 'knowledgeQuestion',
		text: '灵活就业人员能不能自己交公积金？',
		status: 'closed',
		assignee: 'editor01',
		resolution: '可以。灵活就业人员可按当地规定自愿缴存住房公积金，详见“公积金提取”相关知识点。',
		createdBy: 'agent01',
		createdAt: at,
		updatedBy: 'editor01',
		updatedAt: timeOf(3, SEARCHES.length, now)
	};
}

const WATER_V1 =
	'<p>居民水费可到自来水公司营业厅缴纳，也可委托银行代扣。</p><h3>咨询电话</h3><p>12345（可转当地供水企业答复）。</p>';
const WATER_V2 =
	'<p>居民水费可通过供水企业的微信公众号、支付宝生活缴费或“海易办”缴纳，也可到营业厅缴纳或委托银行代扣。</p><h3>欠费处理</h3><p>逾期未缴的，供水企业会先行提醒，不会未经通知直接停水。</p><h3>咨询电话</h3><p>12345（可转当地供水企业答复）。</p>';

const plain = (html: string) =>
	html
		.replace(/<\/(p|h3|li)>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.trim();

/** A province entry in its second version (v1 kept in the history), and an editor's draft. */
function knowledgeWithHistory(): Array<Entry | EntryVersion> {
	const v1At = '2026-03-02T02:00:00.000Z';
	const v2At = '2026-09-15T02:00:00.000Z';
	const base: Entry = {
		_id: 'entry:water-bill-payment',
		type: 'entry',
		template: 'faq',
		standardQuestion: '水费怎么缴纳？',
		categoryId: 'category:shebao',
		answerHtml: WATER_V1,
		answerText: plain(WATER_V1),
		templateFields: [],
		sources: [],
		similarQuestions: ['交水费去哪里交', '网上能交水费吗'],
		relatedEntries: [],
		keywords: ['水费', '缴费'],
		region: '全省',
		validFrom: '2026-03-01',
		validTo: null,
		status: 'published',
		version: 1,
		publishedAt: v1At,
		publishedBy: 'reviewer01',
		lastReviewedAt: v1At,
		reviewer: 'reviewer01',
		createdBy: 'editor01',
		createdAt: v1At,
		updatedBy: 'reviewer01',
		updatedAt: v1At,
		history: [
			{ action: 'create', by: 'editor01', at: v1At },
			{ action: 'submit', by: 'editor01', at: v1At },
			{ action: 'publish', by: 'reviewer01', at: v1At }
		]
	};
	const v2: Entry = {
		...base,
		answerHtml: WATER_V2,
		answerText: plain(WATER_V2),
		version: 2,
		publishedAt: v2At,
		lastReviewedAt: v2At,
		updatedAt: v2At,
		history: [
			...base.history,
			{ action: 'edit', by: 'editor02', at: v2At, comment: '增加线上缴费渠道和欠费处理' },
			{ action: 'submit', by: 'editor02', at: v2At },
			{ action: 'publish', by: 'reviewer01', at: v2At }
		]
	};
	const draft: Entry = {
		...base,
		_id: 'entry:ebike-plate-materials',
		standardQuestion: '电动自行车上牌需要带什么材料？',
		categoryId: 'category:jiaotong',
		answerHtml: '<p>（草稿）本人身份证、购车发票、车辆合格证；各市县登记点略有不同，待核实。</p>',
		answerText: '（草稿）本人身份证、购车发票、车辆合格证；各市县登记点略有不同，待核实。',
		similarQuestions: [],
		keywords: ['电动自行车', '上牌'],
		status: 'draft',
		version: 1,
		publishedAt: undefined,
		publishedBy: undefined,
		lastReviewedAt: undefined,
		reviewer: undefined,
		updatedBy: 'editor01',
		history: [{ action: 'create', by: 'editor01', at: v2At }]
	};
	const withoutUndefined = (entry: Entry) =>
		Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as Entry;
	return [
		v2,
		versionSnapshot(base, 'reviewer01', v1At),
		versionSnapshot(v2, 'reviewer01', v2At),
		withoutUndefined(draft)
	];
}

export async function loadDemoActivity(server: ServerScope, log: (line: string) => void, now = new Date()) {
	const month = new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
	let added = await insertMissingDocuments(server.use(KNOWLEDGE_DB), knowledgeWithHistory());
	if (added > 0) await ensurePublications(server, log);
	const logs = searchLogs(month, now);
	const reported = reports(month, now);
	for (const agent of new Set([...logs.keys(), ...Object.keys(reported)]))
		added += await insertMissingDocuments(server.use(agentFeedbackDatabaseName(agent)), [
			...(logs.get(agent) ?? []),
			...(reported[agent as keyof typeof reported] ?? [])
		]);
	added += await insertMissingDocuments(server.use(FEEDBACK_DB), [answeredQuestion(month, now)]);
	if (added > 0) log(`  loaded ${added} demo documents of front-line activity for ${month}`);
}
