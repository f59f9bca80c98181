// Role checks shared by every validate_doc_update (ES5).
/* global validateShape -- defined in validate-shape.js, spliced into the same function */
function hasRole(userCtx, role) {
	return userCtx.roles.indexOf(role) !== -1;
}
function hasAnyRole(userCtx, roles) {
	for (var i = 0; i < roles.length; i++) if (hasRole(userCtx, roles[i])) return true;
	return false;
}
function isServerAdmin(userCtx) {
	return hasRole(userCtx, '_admin');
}
function forbid(message) {
	throw { forbidden: message };
}
function requireAnyRole(userCtx, roles, action) {
	if (!isServerAdmin(userCtx) && !hasAnyRole(userCtx, roles)) forbid('没有权限' + action);
}
function sameJson(a, b) {
	return JSON.stringify(a) === JSON.stringify(b);
}
// The type is the _id prefix; a document can never change its type.
function checkDocumentShape(newDoc, oldDoc, allowedTypes, schemaIdByType, schemas) {
	var type = newDoc.type;
	if (allowedTypes.indexOf(type) === -1) forbid('此数据库不接受 ' + type + ' 类型的文档');
	if (newDoc._id.indexOf(type + ':') !== 0) forbid('_id 必须以 ' + type + ': 开头');
	if (oldDoc && !oldDoc._deleted && oldDoc.type !== type) forbid('文档类型不可更改');
	var error = validateShape(newDoc, schemaIdByType[type], schemas);
	if (error) forbid('文档结构不正确: ' + error);
}
// Stamps say who did it; nobody may sign a change with another user's name.
function checkAuthorship(newDoc, oldDoc, userCtx, createdField, updatedField) {
	if (isServerAdmin(userCtx)) return;
	if (updatedField && newDoc[updatedField] !== userCtx.name) forbid(updatedField + ' 必须是当前用户');
	if (!oldDoc || oldDoc._deleted) {
		if (createdField && newDoc[createdField] !== userCtx.name) forbid(createdField + ' 必须是当前用户');
	} else if (createdField && newDoc[createdField] !== oldDoc[createdField]) {
		forbid(createdField + ' 不可更改');
	}
}
// 分平台: a user's city roles (city:<code>); none for province staff, who may work on every entry.
function cityScopes(userCtx) {
	var codes = [];
	for (var i = 0; i < userCtx.roles.length; i++)
		if (userCtx.roles[i].indexOf('city:') === 0) codes.push(userCtx.roles[i].slice(5));
	return codes;
}
function isCityStaff(userCtx) {
	return !isServerAdmin(userCtx) && !hasRole(userCtx, 'admin') && cityScopes(userCtx).length > 0;
}
// City staff may touch only documents of their own sub-platform; a document without one is the province's.
function checkCityScope(userCtx, doc, action) {
	if (!isCityStaff(userCtx)) return;
	if (!doc || !doc.subPlatform || cityScopes(userCtx).indexOf(doc.subPlatform) === -1)
		forbid('分平台人员只能' + action + '本分平台的知识点，全省知识点请通过纠错反馈');
}
// A city's own CouchDB server replicates as node@<code>: it relays what its city's staff wrote there, where
// the same validators accepted it, and nothing else (the province's documents, another city's).
function cityNodeScope(userCtx) {
	for (var i = 0; i < userCtx.roles.length; i++)
		if (userCtx.roles[i].indexOf('node@') === 0) return userCtx.roles[i].slice(5);
	return null;
}
function checkCityNodeRelay(newDoc, oldDoc, userCtx) {
	var city = cityNodeScope(userCtx);
	var previous = oldDoc && !oldDoc._deleted ? oldDoc : null;
	if (previous && previous.subPlatform !== city) forbid('分平台服务器只能转发本分平台的数据');
	if (newDoc._deleted) {
		if (!previous) forbid('分平台服务器只能删除本分平台的数据');
		return;
	}
	if (newDoc.subPlatform !== city) forbid('分平台服务器只能转发本分平台的数据');
}
