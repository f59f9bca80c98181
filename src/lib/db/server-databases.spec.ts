import { describe, expect, it } from 'vitest';
import { replicationPlan } from './replication-plan';
import { audioServerDatabase, qaServerDatabase, rememberServerDatabases } from './server-databases';

describe('the server databases read on demand', () => {
	it('are the province’s for its inspectors and a city’s own for that city’s', () => {
		rememberServerDatabases(replicationPlan('inspector01', ['inspector'], '2026-12-05'));
		expect([qaServerDatabase(), audioServerDatabase()]).toEqual(['qa', 'qa-audio']);
		rememberServerDatabases(replicationPlan('inspector02', ['inspector'], '2026-12-05', ['haikou']));
		expect([qaServerDatabase(), audioServerDatabase()]).toEqual(['cityqa-haikou', 'cityaudio-haikou']);
	});
});
