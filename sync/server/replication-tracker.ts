// Keeps hold of the replications the server's `_replicator` daemon starts, so that closing the server can stop
// them first: a job left running against a closed port fails with an unhandled socket error.
import type PouchDB from 'pouchdb';

type Replication = PouchDB.Replication.Replication<object> & NodeJS.EventEmitter;
type Replicate = (...args: unknown[]) => Replication;

export function trackReplications(Pouch: PouchDB.Static) {
	const active = new Set<Replication>();
	const target = Pouch as unknown as { replicate: Replicate };
	const replicate = target.replicate.bind(Pouch);
	let stopped = false;
	const silence = (replication: Replication) => {
		// The daemon's handlers would mark the job completed in `_replicator`; detach them before cancelling.
		replication.removeAllListeners('complete');
		replication.removeAllListeners('error');
		replication.on('error', () => {});
		replication.cancel();
	};
	target.replicate = (...args) => {
		const replication = replicate(...args);
		// A job the daemon starts while the server closes would request a closed port: stopped at once.
		if (stopped) {
			queueMicrotask(() => silence(replication));
			return replication;
		}
		active.add(replication);
		const forget = () => active.delete(replication);
		replication.on('complete', forget);
		replication.on('error', forget);
		return replication;
	};
	return {
		/** Cancels every running job without letting the daemon record it as finished: the jobs resume on the next start. */
		stopAll() {
			stopped = true;
			for (const replication of active) silence(replication);
			active.clear();
		}
	};
}
