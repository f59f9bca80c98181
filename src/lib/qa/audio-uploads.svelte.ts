// Imported audio still to reach the server: uploads run after an import, at sign-in and when the network
// returns, one at a time, and the header shows what is left.
import { failure, type Result } from '$lib/result';
import { countAudioAwaitingUpload, uploadWaitingAudio } from './audio.service';

class AudioUploads {
	waiting = $state(0);
	running = $state(false);
	progress = $state('');
	error = $state('');
	#userName: string | null = null;
	#stopListening: (() => void) | null = null;

	async start(userName: string): Promise<void> {
		this.stop();
		this.#userName = userName;
		const retry = () => void this.run();
		window.addEventListener('online', retry);
		this.#stopListening = () => window.removeEventListener('online', retry);
		await this.run();
	}

	stop(): void {
		this.#stopListening?.();
		this.#stopListening = null;
		this.#userName = null;
		this.waiting = 0;
	}

	async run(): Promise<Result<number>> {
		const userName = this.#userName;
		if (!userName) return failure('未登录');
		if (this.running) return failure('正在上传');
		this.waiting = await countAudioAwaitingUpload(userName);
		if (this.waiting === 0 || !navigator.onLine) return failure('无需上传');
		this.running = true;
		this.error = '';
		const result = await uploadWaitingAudio(userName, (done, total, sent, bytes) => {
			this.waiting = total - done;
			this.progress =
				bytes > 0 ? `${done + 1}/${total}（${Math.round((sent / bytes) * 100)}%）` : `${done}/${total}`;
		});
		this.running = false;
		this.progress = '';
		if (!result.ok) this.error = result.error;
		this.waiting = await countAudioAwaitingUpload(userName);
		return result;
	}
}

export const audioUploads = new AudioUploads();
