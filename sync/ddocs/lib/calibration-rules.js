// 质检校准: the session is the supervisor's; the scores are each inspector's own, blind until the server
/* global forbid, isServerAdmin, sameJson -- defined in roles.js, spliced into the same function */
// copies them into qa at close (sync/calibration/fan-in.ts), so in qa only the server writes them.
var CALIBRATION_FIXED_FIELDS = [
	'scorecardId',
	'scorecardVersion',
	'calls',
	'inspectors',
	'createdBy',
	'createdAt'
];
// A user name as lowercase hex of its UTF-8, as in the ids and database names (catalog.ts hexOf).
function hexOfName(name) {
	var bytes = unescape(encodeURIComponent(name));
	var hex = '';
	for (var i = 0; i < bytes.length; i++) hex += ('0' + bytes.charCodeAt(i).toString(16)).slice(-2);
	return hex;
}
function calibrationKey(id, prefix) {
	return id.slice(prefix.length);
}
function checkCalibrationSession(newDoc, oldDoc, userCtx) {
	if (isServerAdmin(userCtx)) return;
	var inspectors = newDoc.inspectors;
	for (var i = 0; i < inspectors.length; i++)
		if (inspectors.indexOf(inspectors[i]) !== i) forbid('校准的质检员不可重复');
	if (newDoc.referenceInspector && inspectors.indexOf(newDoc.referenceInspector) === -1)
		forbid('参考评分人须是参加校准的质检员');
	var fresh = !oldDoc || oldDoc._deleted;
	if (!fresh && oldDoc.revealedAt !== newDoc.revealedAt) forbid('校准结果的汇总时间只能由服务器写入');
	if (fresh) {
		if (newDoc.revealedAt) forbid('校准结果的汇总时间只能由服务器写入');
		if (newDoc.createdBy !== userCtx.name) forbid('createdBy 必须是当前用户');
		if (newDoc.status !== 'open') forbid('新的校准须为进行中');
		if (newDoc.closedBy || newDoc.closedAt) forbid('新的校准不可带有结束信息');
		return;
	}
	for (var f = 0; f < CALIBRATION_FIXED_FIELDS.length; f++) {
		var field = CALIBRATION_FIXED_FIELDS[f];
		if (!sameJson(newDoc[field], oldDoc[field])) forbid('校准开始后 ' + field + ' 不可更改');
	}
	if (oldDoc.status === 'closed') {
		if (newDoc.status !== 'closed') forbid('已结束的校准不可重新开放');
		if (newDoc.closedBy !== oldDoc.closedBy || newDoc.closedAt !== oldDoc.closedAt)
			forbid('结束信息不可更改');
	} else if (newDoc.status === 'closed') {
		if (newDoc.closedBy !== userCtx.name) forbid('closedBy 必须是当前用户');
		if (!newDoc.closedAt) forbid('结束校准须写明结束时间');
	} else if (newDoc.closedBy || newDoc.closedAt) forbid('进行中的校准不可带有结束信息');
}
function checkCalibrationProgress(newDoc, oldDoc, userCtx) {
	if (isServerAdmin(userCtx)) return;
	if (newDoc.inspector !== userCtx.name) forbid('只能登记自己的校准进度');
	var sessionKey = calibrationKey(newDoc.sessionId, 'calibrationSession:');
	if (newDoc._id !== 'calibrationProgress:' + sessionKey + ':' + hexOfName(newDoc.inspector))
		forbid('校准进度的编号须为 calibrationProgress:<校准>:<质检员>');
	if (oldDoc && !oldDoc._deleted && oldDoc.inspector !== userCtx.name) forbid('只能修改自己的校准进度');
}
// In the inspector's own calib-… database: their scores only, each under the id its fields give; a submitted
// score is final (the agreement is measured on first, independent judgements).
function checkOwnCalibrationScore(newDoc, oldDoc, userCtx) {
	if (newDoc.inspector !== userCtx.name) forbid('只能填写自己的校准评分');
	var id =
		'calibrationScore:' +
		calibrationKey(newDoc.sessionId, 'calibrationSession:') +
		':' +
		calibrationKey(newDoc.recordingId, 'recording:') +
		':' +
		hexOfName(newDoc.inspector);
	if (newDoc._id !== id) forbid('校准评分的编号须为 calibrationScore:<校准>:<录音>:<质检员>');
	if (oldDoc && !oldDoc._deleted && oldDoc.status === 'submitted') forbid('已提交的校准评分不可修改');
	if (newDoc.status === 'submitted' && !newDoc.submittedAt) forbid('提交的校准评分须写明提交时间');
}
