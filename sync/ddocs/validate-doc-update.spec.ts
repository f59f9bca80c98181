import { describe, expect, it } from 'vitest';
import { agentFeedbackDatabase, agentQaDatabase, databases } from '../../src/lib/db/catalog';
import { AT, category, draftEntry, evaluation } from '../../tests/fixtures/documents';
import { defaultScorecards } from '../../src/lib/qa/scorecards/default-scorecards';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const kb = compileValidateFunction(databases.kb!);
const feedback = compileValidateFunction(databases.feedback!);
const qa = compileValidateFunction(databases.qa!);
const agentQa = compileValidateFunction(agentQaDatabase);
const agentFeedback = compileValidateFunction(agentFeedbackDatabase);
const pub = compileValidateFunction(databases.pub!);

const user = (name: string, ...roles: string[]) => ({ name, roles });
const editor = user('editor01', 'editor');
const otherEditor = user('editor02', 'editor');
const reviewer = user('reviewer01', 'reviewer', 'editor');
const agent = user('agent01', 'agent');
const serverAdmin = user('couchadmin', '_admin');

describe('kb: who may write entries', () => {
	const stamped = (by: string, overrides = {}) =>
		draftEntry({ createdBy: by, updatedBy: by, history: [{ action: 'create', by, at: AT }], ...overrides });
	const returned = (by: string, comment: string) =>
		stamped('editor01', {
			updatedBy: by,
			history: [
				{ action: 'create', by: 'editor01', at: AT },
				{ action: 'reject', by, at: AT, comment }
			]
		});

	it.each([
		['an editor creates a draft', editor, stamped('editor01'), null, true],
		['an agent creates a draft', agent, stamped('agent01'), null, false],
		['an editor signs as someone else', editor, stamped('editor02'), null, false],
		['an editor publishes', editor, stamped('editor01', { status: 'published' }), null, false],
		[
			'a reviewer publishes',
			reviewer,
			stamped('editor01', { status: 'published', updatedBy: 'reviewer01', publishedAt: AT }),
			stamped('editor01', { status: 'inReview' }),
			true
		],
		[
			'an editor edits a published entry in place',
			editor,
			stamped('editor01', { answerText: '改了' }),
			stamped('editor01', { status: 'published' }),
			false
		],
		[
			'an editor archives',
			editor,
			stamped('editor01', { status: 'archived' }),
			stamped('editor01', { status: 'published' }),
			false
		],
		[
			'an editor submits for review',
			editor,
			stamped('editor01', { status: 'inReview' }),
			stamped('editor01'),
			true
		],
		[
			'another editor withdraws someone else’s submission',
			otherEditor,
			stamped('editor01', { status: 'draft', updatedBy: 'editor02' }),
			stamped('editor01', { status: 'inReview' }),
			false
		],
		[
			'a reviewer returns a submission',
			reviewer,
			returned('reviewer01', '依据已废止'),
			stamped('editor01', { status: 'inReview' }),
			true
		],
		[
			'a reviewer returns a submission without a comment',
			reviewer,
			returned('reviewer01', ' '),
			stamped('editor01', { status: 'inReview' }),
			false
		],
		[
			'an editor rewrites createdBy',
			editor,
			stamped('editor01', { createdBy: 'editor02' }),
			stamped('editor01'),
			false
		],
		['an editor erases history', editor, stamped('editor01', { history: [] }), stamped('editor01'), false],
		[
			'the server admin imports a published entry',
			serverAdmin,
			stamped('editor01', { status: 'published' }),
			null,
			true
		]
	])('%s → allowed: %s', (_name, who, doc, old, allowed) => {
		expect(refusal(() => kb(doc, old, who, {})) === null).toBe(allowed);
	});

	it('refuses a malformed entry even from the server admin', () => {
		const malformed = { _id: 'entry:x', type: 'entry', standardQuestion: '只有问题' };
		expect(refusal(() => kb(malformed, null, serverAdmin, {}))).toMatch(/^文档结构不正确: template 必填/);
	});

	it('refuses a document whose _id does not carry its type', () => {
		expect(refusal(() => kb({ ...category(), _id: 'shebao' }, null, editor, {}))).toBe(
			'_id 必须以 category: 开头'
		);
	});

	it('lets editors maintain synonym groups, and nobody else', () => {
		const group = {
			_id: 'synonym:g1',
			type: 'synonym',
			terms: ['医保', '医疗保险'],
			updatedBy: 'editor01',
			updatedAt: AT
		};
		expect(refusal(() => kb(group, null, editor, {}))).toBeNull();
		expect(refusal(() => kb({ _id: 'synonym:g1', _deleted: true }, group, editor, {}))).toBeNull();
		expect(refusal(() => kb(group, null, agent, {}))).toBe('没有权限维护分类和同义词');
		expect(refusal(() => kb({ _id: 'synonym:g1', _deleted: true }, group, agent, {}))).toBe(
			'没有权限删除此文档'
		);
	});

	it('refuses types that belong to another database', () => {
		expect(refusal(() => kb(evaluation(), null, serverAdmin, {}))).toBe(
			'此数据库不接受 evaluation 类型的文档'
		);
	});

	it('lets only the server admin change design documents', () => {
		expect(refusal(() => kb({ _id: '_design/app' }, null, editor, {}))).toBe(
			'只有服务器管理员可以修改设计文档'
		);
		expect(refusal(() => kb({ _id: '_design/app' }, null, user('admin01', 'admin'), {}))).toBe(
			'只有服务器管理员可以修改设计文档'
		);
		expect(refusal(() => kb({ _id: '_design/app' }, null, user('couchadmin', '_admin'), {}))).toBeNull();
	});

	it('lets a user edit their own profile but not their roles', () => {
		const profile = {
			_id: 'profile:agent01',
			type: 'profile',
			userName: 'agent01',
			displayName: '刘话务',
			roles: ['agent']
		};
		expect(refusal(() => kb({ ...profile, displayName: '刘一' }, profile, agent, {}))).toBeNull();
		expect(refusal(() => kb({ ...profile, roles: ['agent', 'admin'] }, profile, agent, {}))).toBe(
			'角色只能由管理员设置'
		);
		expect(
			refusal(() => kb({ ...profile, _id: 'profile:agent02', userName: 'agent02' }, null, agent, {}))
		).toBe('只能修改自己的资料');
	});
});

describe('feedback: agents report, editors handle', () => {
	const miss = {
		_id: 'searchMiss:1:agent01',
		type: 'searchMiss',
		text: '电动车上牌',
		status: 'open',
		createdBy: 'agent01',
		createdAt: AT
	};

	it('lets an agent report a search miss in their own name only', () => {
		expect(refusal(() => feedback(miss, null, agent, {}))).toBeNull();
		expect(refusal(() => feedback({ ...miss, createdBy: 'agent02' }, null, agent, {}))).toBe(
			'createdBy 必须是当前用户'
		);
	});

	it('keeps each reporter’s ids their own, even as a forged branch with no old document (Apache CouchDB)', () => {
		const other = { ...miss, _id: 'searchMiss:1:agent02' };
		expect(refusal(() => feedback(other, null, agent, {}))).toBe('文档 ID 必须以提交人的用户名结尾');
		expect(refusal(() => feedback({ ...other, createdBy: 'agent02' }, null, agent, {}))).toBe(
			'createdBy 必须是当前用户'
		);
		const legacy = { ...miss, _id: 'searchMiss:20261120T080000000Z-agent01-1a2b3c4d' };
		expect(refusal(() => feedback(legacy, null, agent, {}))).toBe('文档 ID 必须以提交人的用户名结尾');
		const handled = {
			...legacy,
			status: 'closed',
			updatedBy: 'editor01',
			updatedAt: AT,
			resolution: '已处理'
		};
		expect(refusal(() => feedback(handled, legacy, editor, {}))).toBeNull();
	});

	it('leaves similar-question suggestions to editors', () => {
		const decision = {
			_id: 'suggestionDecision:x',
			type: 'suggestionDecision',
			query: '社保卡不见了怎么重新办',
			entryId: 'entry:sbk',
			decision: 'dismissed',
			createdBy: 'editor01',
			createdAt: AT
		};
		expect(refusal(() => feedback(decision, null, editor, {}))).toBeNull();
		expect(refusal(() => feedback({ ...decision, createdBy: 'agent01' }, null, agent, {}))).toBe(
			'只有采编可以处理相似问建议'
		);
	});

	it('lets an editor close it and not the agent', () => {
		const closed = {
			...miss,
			status: 'closed',
			updatedBy: 'editor01',
			updatedAt: AT,
			resolution: '已新增知识点'
		};
		expect(refusal(() => feedback(closed, miss, editor, {}))).toBeNull();
		expect(refusal(() => feedback({ ...closed, updatedBy: 'agent01' }, miss, agent, {}))).toBe(
			'反馈已在处理中，不能再修改'
		);
	});

	it('keeps search logs immutable', () => {
		const log = {
			_id: 'searchLog:1:agent01',
			type: 'searchLog',
			query: '社保卡',
			resultCount: 3,
			createdBy: 'agent01',
			createdAt: AT
		};
		expect(refusal(() => feedback(log, null, agent, {}))).toBeNull();
		expect(refusal(() => feedback({ ...log, resultCount: 0 }, log, agent, {}))).toBe('检索日志不可修改');
	});

	it('lets nobody rewrite another agent’s search log as a new document (a forged branch on CouchDB)', () => {
		const theirs = {
			_id: 'searchLog:1:agent02',
			type: 'searchLog',
			query: '改写的检索词',
			resultCount: 0,
			createdBy: 'agent01',
			createdAt: AT
		};
		expect(refusal(() => feedback(theirs, null, agent, {}))).toBe('文档 ID 必须以提交人的用户名结尾');
		expect(refusal(() => feedback({ ...theirs, createdBy: 'editor01' }, null, editor, {}))).toBe(
			'文档 ID 必须以提交人的用户名结尾'
		);
	});
});

describe('an agent’s own feedback database, and pub', () => {
	const ownDb = { members: { names: ['agent01'], roles: [] } };
	const miss = {
		_id: 'searchMiss:20261205T010000000Z-1a2b3c4d:agent01',
		type: 'searchMiss',
		text: '电动车上牌',
		status: 'open',
		createdBy: 'agent01',
		createdAt: AT
	};

	it('takes the owner’s reports and search logs, in their own name only', () => {
		expect(refusal(() => agentFeedback(miss, null, agent, ownDb))).toBeNull();
		const log = { ...miss, _id: 'searchLog:x:agent01', type: 'searchLog', query: '社保卡', resultCount: 2 };
		delete (log as Partial<typeof log>).status;
		delete (log as Partial<typeof log>).text;
		expect(refusal(() => agentFeedback(log, null, agent, ownDb))).toBeNull();
		expect(refusal(() => agentFeedback({ ...miss, createdBy: 'agent02' }, null, agent, ownDb))).toBe(
			'createdBy 必须是当前用户'
		);
	});

	it('refuses anyone else writing into it, and the owner closing their own report', () => {
		const other = { ...miss, _id: 'searchMiss:y:agent02', createdBy: 'agent02' };
		expect(refusal(() => agentFeedback(other, null, user('agent02', 'agent'), ownDb))).toBe(
			'这不是你的反馈库'
		);
		const closed = { ...miss, status: 'closed', updatedBy: 'agent01', updatedAt: AT };
		expect(refusal(() => agentFeedback(closed, miss, agent, ownDb))).toBe('反馈已在处理中，不能再修改');
		expect(refusal(() => agentFeedback({ ...miss, _deleted: true }, miss, agent, ownDb))).toBe(
			'反馈记录不可删除'
		);
		expect(refusal(() => agentFeedback({ _id: '_design/app' }, null, user('admin01', 'admin'), ownDb))).toBe(
			'只有服务器管理员可以修改设计文档'
		);
	});

	it('takes what the server carries back (the editors’ answers)', () => {
		const closed = { ...miss, status: 'closed', updatedBy: 'editor01', updatedAt: AT, resolution: '已答复' };
		expect(refusal(() => agentFeedback(closed, miss, serverAdmin, ownDb))).toBeNull();
	});

	it('lets only the server write pub, whatever the role', () => {
		for (const who of [agent, editor, reviewer, user('admin01', 'admin')]) {
			expect(refusal(() => pub(category(), null, who, {}))).toBe('已发布的知识只能在知识库中修改');
		}
		expect(refusal(() => pub(category(), null, serverAdmin, {}))).toBeNull();
	});
});

describe('qa and the per-agent QA database', () => {
	it('keeps agents out of qa entirely', () => {
		expect(refusal(() => qa(evaluation(), null, agent, {}))).toBe('没有权限修改质检数据');
	});

	it('lets an inspector write only their own evaluations and not re-score a submitted one', () => {
		const inspector = user('inspector01', 'inspector');
		const draft = evaluation({ status: 'draft' });
		expect(refusal(() => qa(draft, null, inspector, {}))).toBeNull();
		expect(refusal(() => qa(draft, null, user('inspector02', 'inspector'), {}))).toBe('只能编写自己的质检单');
		const rescored = evaluation({ scores: [{ criterionKey: 'attitude', points: 2 }] });
		expect(refusal(() => qa(rescored, evaluation(), inspector, {}))).toBe('已提交的质检单只能由班长改分');
	});

	it('leaves scorecards to supervisors and keeps a retired version’s items as they were', () => {
		const card = { ...defaultScorecards[0]!, updatedBy: 'supervisor01', updatedAt: AT };
		const supervisor = user('supervisor01', 'supervisor', 'inspector');
		expect(refusal(() => qa(card, null, supervisor, {}))).toBeNull();
		expect(
			refusal(() => qa({ ...card, updatedBy: 'inspector01' }, null, user('inspector01', 'inspector'), {}))
		).toBe('评分表只能由班长或管理员维护');
		const retired = { ...card, retired: true };
		expect(refusal(() => qa({ ...retired, name: '改名' }, retired, supervisor, {}))).toBeNull();
		expect(refusal(() => qa({ ...retired, sections: card.sections.slice(1) }, retired, supervisor, {}))).toBe(
			'已停用的评分表版本不可修改，请编辑最新版本'
		);
		expect(refusal(() => agentQa(card, null, agent, ownDb))).toBe('评分表只能由班长或管理员维护');
	});

	const ownDb = { members: { names: ['agent01'], roles: [] } };

	it('lets the owner acknowledge and appeal, never edit the evaluation', () => {
		const ack = {
			_id: 'acknowledgement:e1',
			type: 'acknowledgement',
			evaluationId: 'evaluation:e1',
			agentName: 'agent01',
			acknowledgedAt: AT
		};
		expect(refusal(() => agentQa(ack, null, agent, ownDb))).toBeNull();
		expect(refusal(() => agentQa(evaluation({ total: 100 }), evaluation(), agent, ownDb))).toBe(
			'质检单只能由质检员修改'
		);
		const appeal = {
			_id: 'appeal:e1',
			type: 'appeal',
			evaluationId: 'evaluation:e1',
			agentName: 'agent01',
			reason: '录音中已说明',
			status: 'open',
			createdAt: AT
		};
		expect(refusal(() => agentQa(appeal, null, agent, ownDb))).toBeNull();
		expect(refusal(() => agentQa({ ...appeal, status: 'upheld' }, appeal, agent, ownDb))).toBe(
			'申诉结果只能由班长给出'
		);
	});

	it('refuses another agent writing into someone else’s database', () => {
		const ack = {
			_id: 'acknowledgement:e1',
			type: 'acknowledgement',
			evaluationId: 'evaluation:e1',
			agentName: 'agent02',
			acknowledgedAt: AT
		};
		expect(refusal(() => agentQa(ack, null, user('agent02', 'agent'), ownDb))).toBe('这不是你的质检库');
	});
});
