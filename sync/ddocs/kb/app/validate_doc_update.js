// 知识库 (kb): entries, categories, templates, synonyms, change notices, profiles.
function (newDoc, oldDoc, userCtx, secObj) {
	var EDITING_ROLES = ['editor', 'reviewer', 'admin'];
	var REVIEWING_ROLES = ['reviewer', 'admin'];
	var admin = isServerAdmin(userCtx) || hasRole(userCtx, 'admin');

	if (newDoc._id.indexOf('_design/') === 0) {
		if (!admin) forbid('只有管理员可以修改设计文档');
		return;
	}
	if (newDoc._deleted) {
		if (admin) return;
		if (oldDoc && oldDoc.type === 'entry' && oldDoc.status === 'draft' && oldDoc.createdBy === userCtx.name) return;
		if (oldDoc && oldDoc.type === 'category' && hasRole(userCtx, 'editor')) return;
		forbid('没有权限删除此文档');
	}
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);

	if (newDoc.type === 'entry') {
		requireAnyRole(userCtx, EDITING_ROLES, '编辑知识点');
		checkAuthorship(newDoc, oldDoc, userCtx, 'createdBy', 'updatedBy');
		var oldStatus = oldDoc && !oldDoc._deleted ? oldDoc.status : null;
		// Publishing, archiving and touching a published entry are a reviewer's acts.
		var reviewOnly = ['published', 'archived'];
		if (reviewOnly.indexOf(newDoc.status) !== -1 || reviewOnly.indexOf(oldStatus) !== -1) {
			requireAnyRole(userCtx, REVIEWING_ROLES, '发布或下线知识点');
		}
		if (oldStatus === 'inReview' && newDoc.status === 'draft' && !hasAnyRole(userCtx, REVIEWING_ROLES)) {
			if (oldDoc.createdBy !== userCtx.name) forbid('只有审核人或作者本人可以退回待审核的知识点');
		}
		if (oldDoc && !oldDoc._deleted && !isServerAdmin(userCtx)) {
			if (newDoc.history.length < oldDoc.history.length) forbid('操作记录只能追加');
			for (var i = 0; i < oldDoc.history.length; i++) {
				if (!sameJson(newDoc.history[i], oldDoc.history[i])) forbid('操作记录只能追加');
			}
			if (newDoc.version < oldDoc.version) forbid('版本号不能减小');
		}
		return;
	}
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
		return;
	}
}
