import { describe, expect, it } from 'vitest';
import { holdWrites, whenWritable } from './write-gate';

describe('the write gate', () => {
	it('keeps a write to a copy being made again waiting until it is ready, and no other', async () => {
		const release = holdWrites('agent01', 'feedback');
		const order: string[] = [];
		const waiting = whenWritable('agent01', 'feedback').then(() => order.push('feedback written'));
		await whenWritable('agent01', 'qa').then(() => order.push('qa written'));
		await whenWritable('agent02', 'feedback').then(() => order.push('another user written'));
		await Promise.resolve();
		order.push('copy ready');
		release();
		await waiting;
		expect(order).toEqual(['qa written', 'another user written', 'copy ready', 'feedback written']);
	});
});
