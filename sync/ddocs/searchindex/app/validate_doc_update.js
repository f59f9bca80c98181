// 检索索引 (searchindex): the agents' search index, ready-made, written only by the server's job (npm run
// search-index, run by the embedded server itself); every role reads it, nobody else writes or deletes it.
function (newDoc, oldDoc, userCtx, secObj) {
	if (!isServerAdmin(userCtx)) forbid('检索索引只由服务器生成');
	if (newDoc._id.indexOf('_design/') === 0 || newDoc._deleted) return;
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
}
