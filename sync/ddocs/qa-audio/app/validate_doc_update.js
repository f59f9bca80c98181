// 录音文件 (qa-audio): a recording's audio is the document audio:<通话编号>:<md5>, holding nothing but the
// attachment "audio", whose bytes have that MD5 (base64url in the id; CouchDB's digest is "md5-<base64>").
// Nothing here reads oldDoc: Apache CouchDB passes none for a replicated branch whose ancestors it does not
// know (_bulk_docs with new_edits:false), so "uploaded audio is never replaced" cannot rest on comparing
// with the stored revision. With the digest in the id, every revision an inspector or supervisor can write
// under an id holds the same bytes, on either server (issue 14, hole 4).
// On Apache CouchDB the digest of an upload is known before validation only when the client declares it
// (a Content-MD5 header, which CouchDB checks against the bytes as it stores them): without it, refused.
function (newDoc, oldDoc, userCtx, secObj) {
	var ID = /^audio:[A-Za-z0-9_-]{1,64}:([A-Za-z0-9_-]{22})$/;
	var FIELDS = ['_id', '_rev', '_revisions', '_attachments'];
	// A recording's types (schemas/recording.schema.json): the server answers with this type, so text/html
	// here would be a page on the app's own origin.
	var CONTENT_TYPES = ['audio/wav', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/webm'];
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	// Admins repair: they may delete, and write the old ids audio:<通话编号> of recordings imported before.
	if (isServerAdmin(userCtx) || hasRole(userCtx, 'admin')) return;
	// A city's server relays its inspectors' uploads, under the same rule.
	if (!cityNodeScope(userCtx)) requireAnyRole(userCtx, ['inspector', 'supervisor'], '上传录音');
	if (newDoc._deleted) forbid('录音文件不可删除');
	var id = ID.exec(newDoc._id);
	if (!id) forbid('录音文件的 _id 须为 audio:<通话编号>:<MD5>（旧格式的录音只有管理员可以修改）');
	var key;
	for (key in newDoc) {
		if (!Object.prototype.hasOwnProperty.call(newDoc, key)) continue;
		// undefined cannot come in JSON: it is a member the server itself cleared.
		if (FIELDS.indexOf(key) === -1 && newDoc[key] !== undefined)
			forbid('录音文件只能有附件 audio，不能有 ' + key);
	}
	var attachments = newDoc._attachments || {};
	for (key in attachments)
		if (Object.prototype.hasOwnProperty.call(attachments, key) && key !== 'audio')
			forbid('录音文件只能有一个名为 audio 的附件');
	if (!attachments.audio) forbid('录音文件须带附件 audio');
	if (CONTENT_TYPES.indexOf(attachments.audio.content_type) === -1)
		forbid('录音文件的类型须为 ' + CONTENT_TYPES.join('、'));
	if (!attachments.audio.digest) forbid('服务器不知道附件的 MD5：上传录音时须带 Content-MD5 请求头');
	if (attachments.audio.digest !== 'md5-' + base64FromBase64Url(id[1])) forbid('录音内容与 _id 中的 MD5 不符');

	// 22 base64url characters are 16 bytes: 132 bits, so plain base64 adds "==".
	function base64FromBase64Url(text) {
		return text.replace(/-/g, '+').replace(/_/g, '/') + '==';
	}
}
