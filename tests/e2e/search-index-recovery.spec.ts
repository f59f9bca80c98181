// A stored search index is read in two parts (the answers' full text after the rest): when the second part
// cannot be read, the index is built again from the local copy instead of leaving answers unsearched.
import { expect, searchIndexStored, signIn, test } from './fixtures';

interface StoredRecord {
	places: { key: string; offset: number; byteLength: number }[];
	blob: Blob;
}

/** Applies `change` to every stored index record; returns what it returned for each. */
function eachStoredIndex<T>(change: (record: StoredRecord) => T, write: boolean): Promise<T[]> {
	return new Promise((resolve, reject) => {
		const opening = indexedDB.open('hotline-search-index');
		opening.onerror = () => reject(opening.error);
		opening.onsuccess = () => {
			const store = opening.result.transaction('indexes', 'readwrite').objectStore('indexes');
			const cursor = store.openCursor();
			const results: T[] = [];
			cursor.onerror = () => reject(cursor.error);
			cursor.onsuccess = () => {
				const at = cursor.result;
				if (!at) return resolve(results);
				const record = at.value as StoredRecord;
				results.push(change(record));
				if (write) at.update(record);
				at.continue();
			};
		};
	});
}

test('a stored index whose answers cannot be read is built again, and answer details are found', async ({
	page
}) => {
	await signIn(page, 'agent01');
	const box = page.getByRole('searchbox', { name: '检索知识库' });
	const results = page.getByRole('listbox', { name: '检索结果' }).getByRole('option');
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	await searchIndexStored(page);

	// The answers' chunks now point past the end of the stored Blob: the first part reads, the second cannot.
	const damaged = await page.evaluate(
		`(${eachStoredIndex.toString()})((record) => {
			let moved = 0;
			for (const place of record.places)
				if (place.key.startsWith('answer')) {
					place.offset += record.blob.size;
					moved++;
				}
			return moved;
		}, true)`
	);
	expect(damaged).toEqual([7]);
	await page.reload();

	// Rebuilt from the local copy and saved whole again.
	await expect
		.poll(
			() =>
				page.evaluate(
					`(${eachStoredIndex.toString()})((record) => record.places.every((place) => place.offset + place.byteLength <= record.blob.size), false)`
				),
			{ timeout: 90_000 }
		)
		.toEqual([true]);
	await expect(page.getByText(/暂用简单匹配/)).toHaveCount(0, { timeout: 60_000 });
	await expect(page.locator('[data-answers]')).toHaveAttribute('data-answers', 'ready');
	await box.fill('12333');
	await expect(results.first().locator('.passage mark').first()).toHaveText('12333');
});
