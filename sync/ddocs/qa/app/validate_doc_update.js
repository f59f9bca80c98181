// 质检 (qa): recordings, scorecards, evaluations, appeals. Agents never read or write this database.
function (newDoc, oldDoc, userCtx, secObj) {
	var QA_ROLES = ['inspector', 'supervisor', 'admin'];
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx) && !hasRole(userCtx, 'admin')) forbid('只有管理员可以修改设计文档');
		return;
	}
	requireAnyRole(userCtx, QA_ROLES, '修改质检数据');
	if (newDoc._deleted) {
		if (isServerAdmin(userCtx) || hasRole(userCtx, 'admin')) return;
		if (oldDoc && oldDoc.type === 'evaluation' && oldDoc.status === 'draft' && oldDoc.inspector === userCtx.name) return;
		forbid('没有权限删除此文档');
	}
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	var lead = isServerAdmin(userCtx) || hasAnyRole(userCtx, ['supervisor', 'admin']);

	if (newDoc.type === 'evaluation' && !lead) {
		if (newDoc.inspector !== userCtx.name) forbid('只能编写自己的质检单');
		if (oldDoc && !oldDoc._deleted && oldDoc.inspector !== userCtx.name) forbid('只能修改自己的质检单');
		if (oldDoc && !oldDoc._deleted && oldDoc.status !== 'draft' && !sameJson(newDoc.scores, oldDoc.scores)) {
			forbid('已提交的质检单只能由班长改分');
		}
	}
	if (newDoc.type === 'appeal' && !lead) forbid('申诉只能由班长或管理员裁决');
	if (newDoc.type === 'recording') checkAuthorship(newDoc, oldDoc, userCtx, 'importedBy', null);
	if (newDoc.type === 'scorecard') {
		if (!lead) forbid('评分表只能由班长或管理员维护');
		checkAuthorship(newDoc, oldDoc, userCtx, null, 'updatedBy');
		// Old evaluations are read against their version: a retired version keeps its items for good.
		if (oldDoc && !oldDoc._deleted && oldDoc.retired && !sameJson(newDoc.sections, oldDoc.sections))
			forbid('已停用的评分表版本不可修改，请编辑最新版本');
	}
}
