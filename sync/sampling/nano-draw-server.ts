// The draw's server access from Node (nano): demo data at setup and the sampling benchmark run the browser's
// own draw (src/lib/qa/sampling/run-draw.ts) against a CouchDB-compatible server.
import type { ServerScope } from 'nano';
import { DrawTaken, type DrawServer } from '../../src/lib/qa/sampling/run-draw';
import { POPULATION_ATTACHMENT } from '../../src/lib/qa/sampling/plan-draw';
import type { PopulationValue } from '../../src/lib/qa/sampling/population';

export function nanoDrawServer(couch: ServerScope, database: string): DrawServer {
	const db = couch.use(database);
	return {
		async readPopulation(start, end) {
			const answer = await db.view<PopulationValue>('sampling', 'population', {
				startkey: [start],
				endkey: [end]
			});
			return answer.rows.map((row) => ({ id: row.id, value: row.value }));
		},
		async get<T>(id: string) {
			try {
				return (await db.get(id)) as T;
			} catch (error) {
				if ((error as { statusCode?: number }).statusCode === 404) return null;
				throw error;
			}
		},
		async readPopulationAttachment(inputId) {
			return new Uint8Array(await db.attachment.get(inputId, POPULATION_ATTACHMENT));
		},
		async create(doc) {
			try {
				await db.insert(doc);
			} catch (error) {
				if ((error as { statusCode?: number }).statusCode === 409) throw new DrawTaken('已有同名文档');
				throw error;
			}
		}
	};
}
