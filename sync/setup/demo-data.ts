// Everything `npm start` and `npm run setup -- --demo` load for a demonstration, in the order it depends on:
// accounts, knowledge, calls, their history, the QA programme, calibration, the front line's history.
import type { ServerScope } from 'nano';
import { demoUsers } from '../demo/users';
import { loadDemoCalibration } from './demo-calibration';
import { loadDemoFrontLineHistory } from './demo-frontline-history';
import { loadDemoKnowledge } from './demo-knowledge';
import { loadDemoProgramme } from './demo-programme';
import { loadDemoQaHistory } from './demo-qa-history';
import { loadDemoRecordings } from './demo-qa';
import { ensureUser } from './setup';

export async function loadDemoData(couch: ServerScope, log: (line: string) => void): Promise<void> {
	for (const user of demoUsers) await ensureUser(couch, user, log);
	await loadDemoKnowledge(couch, log);
	await loadDemoRecordings(couch, demoUsers, log);
	await loadDemoQaHistory(couch, demoUsers, log);
	await loadDemoProgramme(couch, demoUsers, log);
	await loadDemoCalibration(couch, log);
	await loadDemoFrontLineHistory(couch, log);
}
