// 检索日志 (searchlog): every agent's search logs, written only by the server's replication from the agents'
// own databases; readers get figures from the insights views. Nobody else writes, changes or deletes one.
function (newDoc, oldDoc, userCtx, secObj) {
	if (!isServerAdmin(userCtx)) forbid('检索日志只由服务器写入');
	if (newDoc._id.indexOf('_design/') === 0 || newDoc._deleted) return;
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
}
