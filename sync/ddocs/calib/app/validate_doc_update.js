// 个人校准库 (calib-*): one inspector's blind calibration scores. Only they read it (_security names them
// alone), so no one sees another's scores before the session closes and the server copies them into qa.
function (newDoc, oldDoc, userCtx, secObj) {
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	if (isServerAdmin(userCtx)) return;
	var owners = (secObj && secObj.members && secObj.members.names) || [];
	if (owners.indexOf(userCtx.name) === -1) forbid('这不是你的校准库');
	if (newDoc._deleted) {
		if (oldDoc && oldDoc.status === 'draft') return;
		forbid('已提交的校准评分不可删除');
	}
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	checkOwnCalibrationScore(newDoc, oldDoc, userCtx);
}
