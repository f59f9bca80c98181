// While a local copy is made again (layout-migration.ts), writes to it wait until it is ready, so none lands
// in the copy being dropped after its unpushed documents were carried over.
const held = new Map<string, Promise<void>>();
const keyOf = (userName: string, database: string) => `${userName}$${database}`;

/** Holds writes to the user's local database; returns the release. */
export function holdWrites(userName: string, database: string): () => void {
	let release!: () => void;
	held.set(keyOf(userName, database), new Promise<void>((resolve) => (release = resolve)));
	return () => {
		held.delete(keyOf(userName, database));
		release();
	};
}

/** Resolves once writes to the user's local database are not held: every write waits on it first. */
export async function whenWritable(userName: string, database: string): Promise<void> {
	let waiting: Promise<void> | undefined;
	while ((waiting = held.get(keyOf(userName, database)))) await waiting;
}
