// A TCP relay on a loopback port that a test can cut and restore: the network between a city's server and
// the province's going down (connections refused, open ones dropped) and coming back.
import net from 'node:net';

export interface CuttableLink {
	/** `url` with its host and port replaced by the relay's. */
	url: string;
	cut(): void;
	restore(): void;
	close(): Promise<void>;
}

export async function startCuttableLink(url: string): Promise<CuttableLink> {
	const target = new URL(url);
	const open = new Set<net.Socket>();
	let up = true;
	const relay = net.createServer((client) => {
		if (!up) return void client.destroy();
		const upstream = net.connect(Number(target.port), target.hostname);
		const drop = () => {
			client.destroy();
			upstream.destroy();
			open.delete(client);
			open.delete(upstream);
		};
		for (const socket of [client, upstream]) {
			open.add(socket);
			socket.on('error', drop);
			socket.on('close', drop);
		}
		client.pipe(upstream).pipe(client);
	});
	await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
	const relayed = new URL(url);
	relayed.port = String((relay.address() as net.AddressInfo).port);
	const dropAll = () => {
		for (const socket of open) socket.destroy();
		open.clear();
	};
	return {
		url: relayed.toString().replace(/\/$/, ''),
		cut() {
			up = false;
			dropAll();
		},
		restore() {
			up = true;
		},
		close() {
			dropAll();
			return new Promise((resolve) => relay.close(() => resolve()));
		}
	};
}
