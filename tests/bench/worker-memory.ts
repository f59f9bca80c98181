// A page's Web Worker memory, read over the DevTools protocol: the worker's JS heap and the ArrayBuffers
// it holds (typed arrays live outside the heap), as Runtime.getHeapUsage reports them after a garbage
// collection (what the worker keeps, not what it has yet to free). Playwright gives no session for a
// dedicated worker, so the page's session auto-attaches to it and relays the calls.
import type { CDPSession, Page } from '@playwright/test';

export interface WorkerMemory {
	heapBytes: number;
	arrayBufferBytes: number;
}

interface HeapUsage {
	usedSize: number;
	backingStorageSize?: number;
}

/** Starts watching the page's workers; the function returned reads the memory of the newest one alive. */
export async function watchWorkerMemory(page: Page): Promise<() => Promise<WorkerMemory | null>> {
	const session: CDPSession = await page.context().newCDPSession(page);
	const workers: string[] = [];
	const pending = new Map<number, (result: HeapUsage | undefined) => void>();
	let nextId = 1;
	session.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
		if (targetInfo.type === 'worker') workers.push(sessionId);
	});
	session.on('Target.detachedFromTarget', ({ sessionId }) => {
		if (sessionId && workers.includes(sessionId)) workers.splice(workers.indexOf(sessionId), 1);
	});
	session.on('Target.receivedMessageFromTarget', ({ message }) => {
		const reply = JSON.parse(message) as { id: number; result?: HeapUsage };
		pending.get(reply.id)?.(reply.result);
	});
	await session.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: false,
		flatten: false
	});
	const call = async (sessionId: string, method: string) => {
		const id = nextId++;
		const replied = new Promise<HeapUsage | undefined>((resolve) => pending.set(id, resolve));
		await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
		const result = await replied;
		pending.delete(id);
		return result;
	};
	return async () => {
		const sessionId = workers[workers.length - 1];
		if (!sessionId) return null;
		await call(sessionId, 'HeapProfiler.collectGarbage');
		const usage = await call(sessionId, 'Runtime.getHeapUsage');
		return usage ? { heapBytes: usage.usedSize, arrayBufferBytes: usage.backingStorageSize ?? 0 } : null;
	};
}
