// Persistent storage keeps the browser from evicting the offline knowledge base under disk pressure.
export interface StorageReport {
	persisted: boolean;
	usageBytes: number | null;
	quotaBytes: number | null;
}

export async function requestPersistentStorage(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export async function storageReport(): Promise<StorageReport> {
	const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : false;
	const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : {};
	return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}

export function formatBytes(bytes: number | null): string {
	if (bytes === null) return '未知';
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
