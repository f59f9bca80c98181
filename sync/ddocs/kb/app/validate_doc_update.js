// 知识库 (kb): entries, categories, templates, synonyms, change notices, profiles, the sub-platform list.
// City staff (city:<code> roles) work on their sub-platform's entries only; the rest is the province's.
function (newDoc, oldDoc, userCtx, secObj) {
	var EDITING_ROLES = ['editor', 'reviewer', 'admin'];
	var REVIEWING_ROLES = ['reviewer', 'admin'];
	var admin = isServerAdmin(userCtx) || hasRole(userCtx, 'admin');

	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	var relayed = Boolean(cityNodeScope(userCtx));
	if (relayed) {
		checkCityNodeRelay(newDoc, oldDoc, userCtx);
		if (newDoc._deleted) return;
	}
	if (newDoc._deleted) {
		// Decided by the _id: a deletion stub has no type, and a forged branch on Apache CouchDB no oldDoc.
		if (newDoc._id.indexOf('publishedEntry:') === 0) {
			requireAnyRole(userCtx, REVIEWING_ROLES, '删除话务员看到的知识点');
			checkCityScope(userCtx, oldDoc && !oldDoc._deleted ? oldDoc : null, '删除');
			return;
		}
		if (admin) return;
		if (oldDoc && oldDoc.type === 'entry' && oldDoc.status === 'draft' && oldDoc.createdBy === userCtx.name) {
			checkCityScope(userCtx, oldDoc, '删除');
			return;
		}
		if (isCityStaff(userCtx)) forbid('分平台人员不能删除此文档');
		if (oldDoc && (oldDoc.type === 'category' || oldDoc.type === 'synonym') && hasRole(userCtx, 'editor')) return;
		forbid('没有权限删除此文档');
	}
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	// Answers are shown as HTML: the allowlist is part of their shape, for every writer.
	if (newDoc.type === 'entry' || newDoc.type === 'entryVersion' || newDoc.type === 'publishedEntry')
		checkAnswerHtml(newDoc);
	// 替代全省知识点: only a city's entry stands in for a province entry, never for itself (also a revision's).
	if (newDoc.type === 'entry' || newDoc.type === 'entryVersion' || newDoc.type === 'publishedEntry') {
		var ownEntryId = newDoc.type === 'entry' ? newDoc._id : newDoc.entryId;
		var overrideIds = [newDoc.overrides, newDoc.revision ? newDoc.revision.overrides : null];
		for (var o = 0; o < overrideIds.length; o++) {
			if (!overrideIds[o]) continue;
			if (!newDoc.subPlatform) forbid('只有分平台的知识点可以替代全省知识点');
			if (String(overrideIds[o]).indexOf('entry:') !== 0) forbid('替代全省知识点须是知识点编号 entry:…');
			if (overrideIds[o] === ownEntryId) forbid('知识点不能替代自己');
		}
	}
	// A city's server relays what its city's staff wrote there, where the rules below held; the shape above holds for it too.
	if (relayed) return;

	if (newDoc.type === 'entry') {
		requireAnyRole(userCtx, EDITING_ROLES, '编辑知识点');
		checkAuthorship(newDoc, oldDoc, userCtx, 'createdBy', 'updatedBy');
		if (isServerAdmin(userCtx)) return;
		var previous = oldDoc && !oldDoc._deleted ? oldDoc : null;
		checkCityScope(userCtx, newDoc, '编辑');
		if (previous) checkCityScope(userCtx, previous, '编辑');
		// Its publications went to one audience (pub or pub-<city>); they would stay there if it moved.
		if (previous && previous.publishedAt && (previous.subPlatform || '') !== (newDoc.subPlatform || ''))
			forbid('发布过的知识点不能改变适用分平台');
		checkEntryWorkflow(newDoc, oldDoc && !oldDoc._deleted ? oldDoc : null, userCtx);
		return;
	}
	if (newDoc.type === 'publishedEntry') {
		// What agents are shown. The right rests on the type alone, never on a transition from oldDoc: on Apache
		// CouchDB a forged replicated branch (new_edits=false, unknown ancestor) arrives with no oldDoc, so an
		// editor's forged draft of an entry is accepted, but it cannot reach agents through this document.
		requireAnyRole(userCtx, REVIEWING_ROLES, '发布话务员看到的知识点');
		checkCityScope(userCtx, newDoc, '发布');
		if (oldDoc && !oldDoc._deleted) checkCityScope(userCtx, oldDoc, '发布');
		if (newDoc._id !== 'publishedEntry:' + newDoc.entryId.slice('entry:'.length))
			forbid('_id 必须是 publishedEntry: 加上 entryId 的编号');
		checkAuthorship(newDoc, oldDoc, userCtx, null, 'updatedBy');
		return;
	}
	if (newDoc.type === 'entryVersion') {
		// Published versions are the record of what agents were told: written once, at publishing.
		requireAnyRole(userCtx, REVIEWING_ROLES, '保存发布版本');
		checkCityScope(userCtx, newDoc, '发布');
		if (oldDoc && !oldDoc._deleted && !isServerAdmin(userCtx)) forbid('发布版本不可修改');
		return;
	}
	if (newDoc.type === 'subPlatform') {
		requireAnyRole(userCtx, ['admin'], '维护分平台名单');
		return;
	}
	if (isCityStaff(userCtx) && newDoc.type !== 'profile')
		forbid('分类、同义词、模板和知识更新通知由省平台维护');
	if (newDoc.type === 'category' || newDoc.type === 'synonym') {
		requireAnyRole(userCtx, ['editor', 'admin'], '维护分类和同义词');
		return;
	}
	if (newDoc.type === 'template') {
		requireAnyRole(userCtx, ['admin'], '修改条目模板');
		return;
	}
	if (newDoc.type === 'changeNotice') {
		requireAnyRole(userCtx, EDITING_ROLES, '登记知识更新通知');
		checkAuthorship(newDoc, oldDoc, userCtx, 'createdBy', null);
		return;
	}
	if (newDoc.type === 'profile') {
		if (admin) return;
		if (newDoc.userName !== userCtx.name || newDoc._id !== 'profile:' + userCtx.name) forbid('只能修改自己的资料');
		var oldRoles = oldDoc && !oldDoc._deleted ? oldDoc.roles : [];
		if (!sameJson(newDoc.roles, oldRoles)) forbid('角色只能由管理员设置');
		var oldPlatform = oldDoc && !oldDoc._deleted ? oldDoc.subPlatform : undefined;
		if ((newDoc.subPlatform || '') !== (oldPlatform || '')) forbid('分平台只能由管理员设置');
		return;
	}
}
