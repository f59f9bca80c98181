// 问题类型 and 典型案例 on the server: the list is the province supervisors'; an inspector tags their own draft;
// after submission only a supervisor retags, and a typical-case mark carries its writer's name.
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import { defaultProblemTags } from '../../src/lib/qa/problems/default-problem-tags';
import { scoredDraft, submittedEvaluation } from '../../tests/fixtures/scored-evaluation';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const qa = compileValidateFunction(databases.qa!);
const inspector = { name: 'inspector01', roles: ['inspector'] };
const supervisor = { name: 'supervisor01', roles: ['supervisor', 'inspector'] };
const citySupervisor = { name: 'supervisor02', roles: ['supervisor', 'city:haikou'] };
const REV = '2-5e1b0f0c6a7a4c8e9d2b1a0f3c4d5e6f';
const tag = defaultProblemTags('2026-11-01T00:00:00.000Z')[0]!;
const write = (doc: object, old: object | null, user: { name: string; roles: string[] }) =>
	refusal(() => qa(doc, old, user, {}));
const mark = (by: string) => ({
	kind: 'bad' as const,
	reason: '推诿来电人',
	commentIds: ['c1'],
	markedBy: by,
	markedAt: '2026-11-22T02:00:00.000Z'
});

describe('problem types on the server', () => {
	it('are kept by province supervisors only, under their key', () => {
		const mine = { ...tag, updatedBy: 'supervisor01' };
		expect(write(mine, null, supervisor)).toBeNull();
		expect(write({ ...tag, updatedBy: 'inspector01' }, null, inspector)).toBe('问题类型由班长或管理员维护');
		expect(write({ ...tag, updatedBy: 'supervisor02' }, null, citySupervisor)).toBe('问题类型由省平台维护');
		expect(write({ ...mine, _id: 'problemTag:other' }, null, supervisor)).toBe(
			'问题类型的编号须为 problemTag:<key>'
		);
		expect(write({ ...mine, updatedBy: 'admin01' }, null, supervisor)).toBe('updatedBy 必须是当前用户');
	});

	it('are ticked by the inspector in their draft, with a typical-case mark in their own name', () => {
		const draft = { ...scoredDraft(), _rev: REV };
		expect(
			write({ ...draft, problemTags: ['attitude'], typicalCase: mark('inspector01') }, draft, inspector)
		).toBeNull();
		expect(write({ ...draft, typicalCase: mark('supervisor01') }, draft, inspector)).toBe(
			'典型案例的 markedBy 必须是当前用户'
		);
	});

	it('after submission change only by a supervisor, who leaves the scores alone', () => {
		const submitted = { ...submittedEvaluation(), _rev: REV };
		const retagged = { ...submitted, problemTags: ['no-verify'], typicalCase: mark('supervisor01') };
		expect(write(retagged, submitted, supervisor)).toBeNull();
		expect(write({ ...submitted, problemTags: ['no-verify'] }, submitted, inspector)).toBe(
			'已提交的质检单只能由班长改分'
		);
		expect(write({ ...retagged, typicalCase: mark('inspector01') }, submitted, supervisor)).toBe(
			'典型案例的 markedBy 必须是当前用户'
		);
	});
});
