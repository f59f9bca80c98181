// What the admin's 分平台名单 screen holds: the list, the new one and the rename being typed, and the outcome
// of the last step. What the admin typed stays until a step succeeds, so an error never loses it.
import type { SubPlatform } from '$lib/db/generated/documents';
import type { Result } from '$lib/result';
import {
	addSubPlatform,
	listAllSubPlatforms,
	moveSubPlatformOnePlace,
	renameSubPlatformTo,
	setSubPlatformRetired,
	type ListAdmin
} from './sub-platform-admin.service';
import type { MoveDirection } from './sub-platform-edit';

export class SubPlatformListScreen {
	platforms = $state.raw<SubPlatform[]>([]);
	loading = $state(true);
	newCode = $state('');
	newName = $state('');
	/** The code of the row being renamed (null while none is), and the name typed for it. */
	renamingCode = $state<string | null>(null);
	renameTo = $state('');
	busy = $state(false);
	message = $state('');
	error = $state('');
	readonly #admin: ListAdmin;

	constructor(admin: ListAdmin) {
		this.#admin = admin;
	}

	async load(): Promise<void> {
		const result = await listAllSubPlatforms(this.#admin.name);
		this.loading = false;
		if (result.ok) this.platforms = result.value;
		else this.error = result.error;
	}

	async add(): Promise<boolean> {
		const name = this.newName.trim();
		const done = await this.#run(
			() => `已新增「${name}」`,
			() => addSubPlatform(this.#admin, { code: this.newCode, name: this.newName })
		);
		if (done) {
			this.newCode = '';
			this.newName = '';
		}
		return done;
	}

	startRenaming(platform: SubPlatform): void {
		this.renamingCode = platform.code;
		this.renameTo = platform.name;
		this.error = '';
	}

	cancelRenaming(): void {
		this.renamingCode = null;
	}

	async rename(): Promise<boolean> {
		const code = this.renamingCode;
		const name = this.renameTo;
		if (!code) return false;
		const done = await this.#run(
			(changed) => (changed ? `已改名为「${name.trim()}」` : '名称没有变化'),
			() => renameSubPlatformTo(this.#admin, code, name)
		);
		if (done) this.renamingCode = null;
		return done;
	}

	move(platform: SubPlatform, direction: MoveDirection): Promise<boolean> {
		return this.#run(
			() => `已将「${platform.name}」${direction === 'up' ? '上移' : '下移'}`,
			() => moveSubPlatformOnePlace(this.#admin, platform.code, direction)
		);
	}

	setRetired(platform: SubPlatform, retired: boolean): Promise<boolean> {
		return this.#run(
			() => `已${retired ? '停用' : '启用'}「${platform.name}」`,
			() => setSubPlatformRetired(this.#admin, platform.code, retired)
		);
	}

	/** Runs one step at a time and reloads the list after it; true when it succeeded. */
	async #run<T>(done: (value: T) => string, step: () => Promise<Result<T>>): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		this.error = '';
		this.message = '';
		const result = await step();
		if (result.ok) {
			this.message = done(result.value);
			await this.load();
		} else this.error = result.error;
		this.busy = false;
		return result.ok;
	}
}
