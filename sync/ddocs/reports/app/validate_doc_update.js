// 签发的报表 (reports): a supervisor or admin issues a report in their own name; once written it never
// changes, so what was sent stays what it was. Only the server admin removes one.
function (newDoc, oldDoc, userCtx, secObj) {
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	if (isServerAdmin(userCtx)) return;
	requireAnyRole(userCtx, ['supervisor', 'admin'], '签发报表');
	if (newDoc._deleted) forbid('已签发的报表不可删除');
	if (oldDoc && !oldDoc._deleted) forbid('已签发的报表不可修改');
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	if (newDoc.issuedBy !== userCtx.name) forbid('issuedBy 必须是当前用户');
	if (newDoc.periodFrom > newDoc.periodTo) forbid('报表期间的起止日期颠倒');
}
