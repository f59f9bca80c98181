// 一线反馈 (feedback): search logs, search misses, corrections and questions. Agents do not read or write it:
// their reports arrive through their own databases (feedback-agent-*), carried here by the server.
function (newDoc, oldDoc, userCtx, secObj) {
	var HANDLING_ROLES = ['editor', 'reviewer', 'admin'];
	var handler = isServerAdmin(userCtx) || hasAnyRole(userCtx, HANDLING_ROLES);

	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	if (cityNodeScope(userCtx)) {
		if (newDoc._deleted) forbid('反馈记录不可删除');
		checkCityNodeRelay(newDoc, oldDoc, userCtx);
		checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
		return;
	}
	// Analysts read it for the reports and write nothing (the rules below are the agents' databases' too).
	if (hasRole(userCtx, 'analyst')) requireAnyRole(userCtx, ['editor', 'reviewer', 'admin', 'supervisor', 'agent'], '提交或处理反馈');
	if (newDoc._deleted) {
		if (isServerAdmin(userCtx) || hasRole(userCtx, 'admin')) return;
		forbid('反馈记录不可删除');
	}
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	checkFeedbackWrite(newDoc, oldDoc, userCtx, handler);
}
