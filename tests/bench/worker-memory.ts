// A page's Web Worker memory, read over the DevTools protocol: the worker's JS heap and the ArrayBuffers
// it holds (typed arrays live outside the heap), as Runtime.getHeapUsage reports them. Playwright gives no
// session for a dedicated worker, so the page's session auto-attaches to it and relays the call.
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
	const pending = new Map<number, (usage: HeapUsage | undefined) => void>();
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
	return async () => {
		const sessionId = workers[workers.length - 1];
		if (!sessionId) return null;
		const id = nextId++;
		const usage = new Promise<HeapUsage | undefined>((resolve) => pending.set(id, resolve));
		await session.send('Target.sendMessageToTarget', {
			sessionId,
			message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' })
		});
		const result = await usage;
		pending.delete(id);
		return result ? { heapBytes: result.usedSize, arrayBufferBytes: result.backingStorageSize ?? 0 } : null;
	};
}
