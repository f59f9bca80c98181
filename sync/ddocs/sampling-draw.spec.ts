// 抽检 cannot be changed quietly: only province leads plan and draw; nobody swaps or drops a drawn call; a
// supervisor gives a call to another inspector only with a reason appended to the history.
import { describe, expect, it } from 'vitest';
import { databases } from '../../src/lib/db/catalog';
import type { SampleDraw } from '../../src/lib/db/generated/documents';
import { storedDraw, weeklyPlan } from '../../tests/fixtures/sample-draw';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const qa = compileValidateFunction(databases.qa!);
const inspector = { name: 'inspector01', roles: ['inspector'] };
const supervisor = { name: 'supervisor01', roles: ['supervisor', 'inspector'] };
const cityInspector = { name: 'inspector02', roles: ['inspector', 'city:haikou'] };
const citySupervisor = { name: 'supervisor02', roles: ['supervisor', 'city:haikou'] };
const REV = '1-5e1b0f0c6a7a4c8e9d2b1a0f3c4d5e6f';
const old = { ...storedDraw(), _rev: REV };
const next = (change: (doc: SampleDraw) => SampleDraw) => change(structuredClone(old));
const moved = (by = 'supervisor01', reason = '质检员休假') =>
	next((doc) => {
		doc.items[1]!.inspector = 'supervisor01';
		doc.history.push({
			recordingId: doc.items[1]!.recordingId,
			from: 'inspector01',
			to: 'supervisor01',
			reason,
			by,
			at: '2026-11-24T02:00:00.000Z'
		});
		return doc;
	});
const write = (doc: object, previous: object | null, user: { name: string; roles: string[] }) =>
	refusal(() => qa(doc, previous, user, {}));

describe('sampling plans and draws on the server', () => {
	it('lets a province supervisor make a plan and a draw, and nobody else', () => {
		expect(write(weeklyPlan, null, supervisor)).toBeNull();
		expect(write(storedDraw(), null, supervisor)).toBeNull();
		for (const user of [inspector, cityInspector]) {
			expect(write(weeklyPlan, null, user)).toMatch(/抽检计划/);
			expect(write(storedDraw(), null, user)).toMatch(/抽检计划/);
		}
		expect(
			write({ ...weeklyPlan, createdBy: 'supervisor02', updatedBy: 'supervisor02' }, null, citySupervisor)
		).toBe('抽检计划由省平台统一制定和抽取');
	});

	it('refuses a draw under another’s name, with a made-up history, or for an inspector not in the plan', () => {
		expect(write({ ...storedDraw(), drawnBy: 'admin01' }, null, supervisor)).toBe('drawnBy 必须是当前用户');
		expect(write(moved(), null, supervisor)).toBe('新的抽检结果不能带有改派记录');
		const outsider = storedDraw();
		outsider.items[0]!.inspector = 'inspector09';
		expect(write(outsider, null, supervisor)).toBe('抽中的通话只能分给计划中的质检员');
		expect(write({ ...storedDraw(), _id: 'sampleDraw:weekly:2026-11-23' }, null, supervisor)).toBe(
			'抽检结果的编号须为 计划:起始日'
		);
	});

	it('lets the supervisor reassign with a reason, and refuses the same change from an inspector', () => {
		expect(write(moved(), old, supervisor)).toBeNull();
		expect(write(moved('inspector01'), old, inspector)).toMatch(/抽检计划只能由班长或管理员/);
	});

	it('refuses a reassignment without its history entry, or with someone else’s name on it', () => {
		const silent = next((doc) => {
			doc.items[1]!.inspector = 'supervisor01';
			return doc;
		});
		expect(write(silent, old, supervisor)).toBe('改派须写明原因');
		expect(write(moved('admin01'), old, supervisor)).toBe('改派记录的 by 必须是当前用户');
		const wrongTarget = moved();
		wrongTarget.history[0]!.to = 'inspector03';
		expect(write(wrongTarget, old, supervisor)).toBe('改派记录与改派的通话不符');
	});

	it('never lets a call be swapped, dropped or added, nor the seed or the history rewritten', () => {
		const swapped = next((doc) => {
			doc.items[0]!.recordingId = 'recording:C20261121-0099';
			return doc;
		});
		expect(write(swapped, old, supervisor)).toBe('不能调换抽中的通话，只能改派质检员');
		const dropped = next((doc) => ({ ...doc, items: doc.items.slice(1) }));
		expect(write(dropped, old, supervisor)).toBe('不能增删抽中的通话');
		expect(
			write(
				next((doc) => ({ ...doc, seed: 'fedcba9876543210' })),
				old,
				supervisor
			)
		).toBe('抽检结果不可更改 seed');
		const history = { ...moved(), _rev: '2-aa' };
		const rewritten = structuredClone(history);
		rewritten.history[0]!.reason = '没有原因';
		expect(write(rewritten, history, supervisor)).toBe('改派记录不能修改');
		expect(write({ ...history, history: [], items: old.items }, history, supervisor)).toBe(
			'改派记录不能删除'
		);
	});

	it('keeps the population a draw was made from as it was written', () => {
		const input = {
			_id: 'sampleInput:weekly:2026-11-16',
			type: 'sampleInput',
			drawId: old._id,
			planId: old.planId,
			planName: old.planName,
			period: old.period,
			rules: old.rules,
			assignment: old.assignment,
			seed: old.seed,
			populationDigest: 'a'.repeat(64),
			calls: 40,
			drawnBy: 'supervisor01',
			drawnAt: '2026-11-23T01:00:00.000Z',
			_attachments: { 'population.json.gz': { content_type: 'application/json', data: 'e30=' } }
		};
		expect(write(input, null, supervisor)).toBeNull();
		expect(write({ ...input, calls: 41 }, { ...input, _rev: REV }, supervisor)).toBe(
			'抽检底册写入后不可更改'
		);
		expect(write(input, null, inspector)).toMatch(/抽检计划只能由班长或管理员/);
		expect(write({ ...input, _id: 'sampleInput:weekly:2026-11-23' }, null, supervisor)).toBe(
			'抽检底册的编号须为 计划:起始日'
		);
		const { _attachments: _none, ...bare } = input;
		expect(write(bare, null, supervisor)).toMatch(/_attachments|population\.json/);
	});

	it('lets nobody but an admin delete a draw', () => {
		expect(write({ _id: old._id, _rev: REV, _deleted: true }, old, supervisor)).toBe('没有权限删除此文档');
		expect(
			write({ _id: old._id, _rev: REV, _deleted: true }, old, { name: 'admin01', roles: ['admin'] })
		).toBeNull();
	});
});
