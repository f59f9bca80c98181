// Entry templates as the editor needs them: the synced ones, or the built-in defaults before the first sync.
import type { EntryTemplate } from '$lib/db/generated/documents';
import { Repository } from '$lib/db/repository';
import { failure, success, type Result } from '$lib/result';
import { entryTemplates } from './default-templates';

export type TemplateShape = Pick<EntryTemplate, 'template' | 'name' | 'requiredFields' | 'sections'>;
export type TemplateDirectory = Map<EntryTemplate['template'], TemplateShape>;

export async function loadTemplates(userName: string): Promise<Result<TemplateDirectory>> {
	try {
		const stored = await new Repository(userName, 'template').all();
		const directory: TemplateDirectory = new Map(
			entryTemplates.map((template) => [template.template, template])
		);
		for (const template of stored) directory.set(template.template, template);
		return success(directory);
	} catch (error) {
		return failure(`读取条目模板失败：${(error as Error).message}`);
	}
}

/** Admins change which fields a template requires and its sections; the server refuses anyone else. */
export async function saveTemplate(
	userName: string,
	template: TemplateShape
): Promise<Result<EntryTemplate>> {
	try {
		const repository = new Repository(userName, 'template');
		const id = `template:${template.template}`;
		const current = await repository.get(id);
		return success(
			await repository.save({
				...(current ?? {}),
				...template,
				_id: id,
				type: 'template',
				updatedBy: userName,
				updatedAt: new Date().toISOString()
			})
		);
	} catch (error) {
		return failure(`保存模板失败：${(error as Error).message}`);
	}
}
