// 录音文件 (qa-audio): one document per recording with its audio as the attachment "audio". Inspectors
// upload at import; nobody replaces a recording's audio afterwards except an admin.
function (newDoc, oldDoc, userCtx, secObj) {
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx) && !hasRole(userCtx, 'admin')) forbid('只有管理员可以修改设计文档');
		return;
	}
	if (isServerAdmin(userCtx) || hasRole(userCtx, 'admin')) return;
	requireAnyRole(userCtx, ['inspector', 'supervisor'], '上传录音');
	if (newDoc._deleted) forbid('录音文件不可删除');
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	checkAuthorship(newDoc, oldDoc, userCtx, 'uploadedBy', null);
	var attachments = newDoc._attachments || {};
	for (var name in attachments) if (name !== 'audio') forbid('只能有一个名为 audio 的附件');
	var oldAudio = oldDoc && oldDoc._attachments && oldDoc._attachments.audio;
	var newAudio = attachments.audio;
	if (oldAudio && (!newAudio || newAudio.digest !== oldAudio.digest)) forbid('录音上传后不可替换');
}
