// Picking the best-scored candidates without sorting them all.

/** The best `count` of `scores[i]` over `items`, highest first (a bounded min-heap). */
export function topByScore(items: Int32Array, length: number, scores: Float64Array, count: number): number[] {
	const heap: number[] = [];
	const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
	for (let index = 0; index < length; index++) {
		const item = items[index]!;
		if (heap.length < count) {
			heap.push(item);
			for (let child = heap.length - 1; child > 0;) {
				const parent = (child - 1) >> 1;
				if (!less(heap[child]!, heap[parent]!)) break;
				[heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
				child = parent;
			}
		} else if (less(heap[0]!, item)) {
			heap[0] = item;
			for (let parent = 0; ;) {
				const left = 2 * parent + 1;
				const right = left + 1;
				let smallest = parent;
				if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
				if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
				if (smallest === parent) break;
				[heap[smallest], heap[parent]] = [heap[parent]!, heap[smallest]!];
				parent = smallest;
			}
		}
	}
	return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}
