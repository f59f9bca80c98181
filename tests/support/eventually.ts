// Waits for something the server does in the background (its standing replications) to show.
export async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out waiting for the server to replicate');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
