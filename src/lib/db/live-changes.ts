// Lets screens refresh when local data changes (a local save or a replicated document), debounced so a
// sync batch of hundreds of documents triggers one refresh.
import { KNOWLEDGE_DB } from './catalog';
import { openLocalDatabase } from './local-databases';

export function watchLocalDatabase(
	userName: string,
	database: string,
	onChange: () => void,
	debounceMs = 300
) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const feed = openLocalDatabase(userName, database)
		.changes({ since: 'now', live: true })
		.on('change', (change) => {
			if (change.id.startsWith('_')) return;
			clearTimeout(timer);
			timer = setTimeout(onChange, debounceMs);
		});
	return () => {
		clearTimeout(timer);
		feed.cancel();
	};
}

export function knowledgeChanges(userName: string, onChange: () => void) {
	return watchLocalDatabase(userName, KNOWLEDGE_DB, onChange);
}
