import { describe, expect, it } from 'vitest';
import { planRegions, regionSpots, type RegionSpot } from './region-plan';

const spots = (entries: Array<[string, RegionSpot]>) => new Map(entries);
const at = (startSeconds: number, endSeconds?: number, title = ''): RegionSpot => ({
	startSeconds,
	...(endSeconds !== undefined ? { endSeconds } : {}),
	title
});

describe('planRegions', () => {
	it('draws every comment the first time', () => {
		expect(
			planRegions(
				new Map(),
				spots([
					['a', at(1)],
					['b', at(2, 4)]
				])
			)
		).toEqual({
			add: ['a', 'b'],
			redraw: [],
			retitle: [],
			remove: []
		});
	});

	it('adds only the new comment and removes only the deleted one', () => {
		const drawn = spots([
			['a', at(1)],
			['b', at(2, 4)],
			['c', at(8)]
		]);
		const wanted = spots([
			['a', at(1)],
			['c', at(8)],
			['d', at(9, 12)]
		]);
		expect(planRegions(drawn, wanted)).toEqual({ add: ['d'], redraw: [], retitle: [], remove: ['b'] });
	});

	it('redraws a moved or resized comment, and retitles a reworded one', () => {
		const drawn = spots([
			['a', at(1, 3, 'x')],
			['b', at(5, undefined, 'y')],
			['c', at(7, 8, 'z')]
		]);
		const wanted = spots([
			['a', at(1, 4, 'x')],
			['b', at(5, 6, 'y')],
			['c', at(7, 8, 'z2')]
		]);
		expect(planRegions(drawn, wanted)).toEqual({ add: [], redraw: ['a', 'b'], retitle: ['c'], remove: [] });
	});

	it('does nothing when nothing changed, at any size', () => {
		const many = spots(
			Array.from({ length: 100 }, (_, i): [string, RegionSpot] => [`c${i}`, at(i * 30, i * 30 + 5)])
		);
		expect(planRegions(many, new Map(many))).toEqual({ add: [], redraw: [], retitle: [], remove: [] });
	});
});

describe('regionSpots', () => {
	it('places each comment by id with its time, scorecard item and text as hover text', () => {
		const names = new Map([['listening', '耐心倾听']]);
		const spots = regionSpots(
			[
				{ id: 'a', startSeconds: 65, endSeconds: 72, text: '打断来电人', criterionKey: 'listening' },
				{ id: 'b', startSeconds: 5, text: '开场白规范' },
				{ id: 'c', startSeconds: 9, text: '未核实', criterionKey: 'retired-item' }
			],
			names
		);
		expect(spots.get('a')).toEqual({
			startSeconds: 65,
			endSeconds: 72,
			title: '1:05–1:12 【耐心倾听】 打断来电人'
		});
		expect(spots.get('b')).toEqual({ startSeconds: 5, title: '0:05 开场白规范' });
		expect(spots.get('c')?.title).toBe('0:09 【retired-item】 未核实');
	});
});
