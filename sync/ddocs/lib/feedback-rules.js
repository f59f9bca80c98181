// Who may write what of the agents' feedback (ES5): in feedback, and in each agent's own feedback database.
/* global forbid, checkAuthorship, isServerAdmin, cityScopes -- defined in roles.js, spliced into the same function */
function checkFeedbackWrite(newDoc, oldDoc, userCtx, handler) {
	checkAuthorship(newDoc, oldDoc, userCtx, 'createdBy', null);
	var isNew = !oldDoc || oldDoc._deleted;
	// The sub-platform a report or log counts for is the reporter's city role, set once.
	if (!isServerAdmin(userCtx)) {
		if (isNew && newDoc.subPlatform && cityScopes(userCtx).indexOf(newDoc.subPlatform) === -1)
			forbid('分平台与提交人的账号不符');
		if (!isNew && (newDoc.subPlatform || '') !== (oldDoc.subPlatform || '')) forbid('分平台不可更改');
	}

	if (newDoc.type === 'suggestionDecision') {
		if (!handler) forbid('只有采编可以处理相似问建议');
		return;
	}
	// A reporter's documents end with ":<their name>", so nobody but them (and the handlers) can write under
	// their ids, even as a replicated branch whose old document CouchDB does not pass (oldDoc null).
	var ownSuffix = ':' + newDoc.createdBy;
	var ownId = newDoc._id.length > ownSuffix.length && newDoc._id.slice(-ownSuffix.length) === ownSuffix;
	if (!isServerAdmin(userCtx) && !ownId && (!handler || newDoc.type === 'searchLog'))
		forbid('文档 ID 必须以提交人的用户名结尾');
	if (newDoc.type === 'searchLog') {
		if (!isNew && !isServerAdmin(userCtx)) forbid('检索日志不可修改');
		return;
	}
	if (isNew) {
		if (newDoc.status !== 'open' && !handler) forbid('新反馈的状态必须是待处理');
		return;
	}
	if (newDoc.createdAt !== oldDoc.createdAt) forbid('createdAt 不可更改');
	if (handler) {
		if (newDoc.updatedBy !== userCtx.name && !isServerAdmin(userCtx)) forbid('updatedBy 必须是当前用户');
		return;
	}
	// The reporter may add to the note while the item is still open, nothing else.
	if (oldDoc.createdBy !== userCtx.name) forbid('只能修改自己提交的反馈');
	if (oldDoc.status !== 'open' || newDoc.status !== 'open') forbid('反馈已在处理中，不能再修改');
	if (newDoc.text !== oldDoc.text || newDoc.entryId !== oldDoc.entryId) forbid('只能补充说明');
}
