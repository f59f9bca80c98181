// 坐席个人反馈库 (feedback-agent-*): one agent's search logs and reports, which the server carries to feedback,
// and the editors' handling of those reports, which it carries back. Only the server writes what editors did.
function (newDoc, oldDoc, userCtx, secObj) {
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	if (isServerAdmin(userCtx)) return;
	if (newDoc._deleted) forbid('反馈记录不可删除');
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	var owners = (secObj && secObj.members && secObj.members.names) || [];
	if (owners.indexOf(userCtx.name) === -1) forbid('这不是你的反馈库');
	checkFeedbackWrite(newDoc, oldDoc, userCtx, false);
}
