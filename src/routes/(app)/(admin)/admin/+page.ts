// 系统管理 has one screen so far: the area's link opens it.
import { redirect } from '@sveltejs/kit';

export function load() {
	redirect(307, '/admin/sub-platforms');
}
