// 辅导任务 on the server: opened by QA staff in their own name, never changed but to be closed; the agent
// confirms it only in their own database, in their own name, once.
import { describe, expect, it } from 'vitest';
import { agentQaDatabase, databases } from '../../src/lib/db/catalog';
import type { CoachingTask } from '../../src/lib/db/generated/documents';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const qa = compileValidateFunction(databases.qa!);
const qaAgent = compileValidateFunction(agentQaDatabase);
const inspector = { name: 'inspector01', roles: ['inspector'] };
const other = { name: 'inspector03', roles: ['inspector'] };
const supervisor = { name: 'supervisor01', roles: ['supervisor', 'inspector'] };
const agent = { name: 'agent01', roles: ['agent'] };
const REV = '1-5e1b0f0c6a7a4c8e9d2b1a0f3c4d5e6f';
const task: CoachingTask = {
	_id: 'coachingTask:C20261120-0001.inspector01',
	type: 'coachingTask',
	evaluationId: 'evaluation:C20261120-0001.inspector01',
	agentName: 'agent01',
	criterionKeys: ['contact'],
	notes: '回访时先核实联系电话',
	commentIds: [],
	due: '2026-12-11',
	followUpCalls: 3,
	status: 'open',
	createdBy: 'inspector01',
	createdAt: '2026-12-04T02:00:00.000Z'
};
const stored = { ...task, _rev: REV };
const closed = (by: string) => ({
	...stored,
	status: 'closed' as const,
	closedBy: by,
	closedAt: '2026-12-10T02:00:00.000Z'
});
const ack = {
	_id: 'coachingAck:C20261120-0001.inspector01',
	type: 'coachingAck',
	taskId: task._id,
	agentName: 'agent01',
	acknowledgedAt: '2026-12-05T02:00:00.000Z'
};
const write = (
	fn: typeof qa,
	doc: object,
	old: object | null,
	user: { name: string; roles: string[] },
	owners: string[] = []
) => refusal(() => fn(doc, old, user, { members: { names: owners } }));

describe('coaching tasks on the server', () => {
	it('are opened by QA staff in their own name, open', () => {
		expect(write(qa, task, null, inspector)).toBeNull();
		expect(write(qa, task, null, other)).toBe('createdBy 必须是当前用户');
		expect(write(qa, { ...task, status: 'closed' }, null, inspector)).toBe('新的辅导任务须为进行中');
	});

	it('are only closed afterwards, by their coach or a supervisor, in their own name', () => {
		expect(write(qa, closed('inspector01'), stored, inspector)).toBeNull();
		expect(write(qa, closed('supervisor01'), stored, supervisor)).toBeNull();
		expect(write(qa, closed('inspector03'), stored, other)).toBe('只能关闭自己开的辅导任务');
		expect(write(qa, closed('supervisor01'), stored, inspector)).toBe('closedBy 必须是当前用户');
		expect(write(qa, { ...stored, followUpCalls: 0 }, stored, supervisor)).toBe(
			'辅导任务不可更改 followUpCalls'
		);
	});

	it('are confirmed by the agent in their own database only, once', () => {
		expect(write(qaAgent, ack, null, agent, ['agent01'])).toBeNull();
		expect(
			write(qaAgent, { ...ack, acknowledgedAt: '2026-12-06T02:00:00.000Z' }, { ...ack, _rev: REV }, agent, [
				'agent01'
			])
		).toBe('确认后不可修改');
		expect(write(qaAgent, { ...ack, agentName: 'agent02' }, null, agent, ['agent01'])).toBe(
			'只能以自己的名义确认或申诉'
		);
		expect(write(qaAgent, task, null, agent, ['agent01'])).toBe('辅导任务只能由质检员或班长修改');
		expect(write(qa, ack, null, supervisor)).toBe('辅导确认只能由坐席在自己的质检库中提交');
	});
});
