// 质检 (qa): recordings, scorecards, evaluations, appeals. Agents never read or write this database.
function (newDoc, oldDoc, userCtx, secObj) {
	var QA_ROLES = ['inspector', 'supervisor', 'admin'];
	// A submitted evaluation is the result its agent was sent, so after submission only the fields listed
	// here may change, and a field added later is locked until someone adds it. An inspector changes nothing:
	// the call page never writes a submitted evaluation again (its comments turn read-only with the scores;
	// the agent's acknowledgement and appeal are documents of their own). Supervisors and admins re-score in
	// place after an appeal, but never move the result to another call, agent or inspector: changing
	// agentName delivered it to the new agent and left the old agent's copy stale (issue 14, hole 6).
	var CHANGEABLE_AFTER_SUBMISSION = {
		inspector: [],
		lead: ['status', 'scores', 'total', 'comments', 'updatedAt']
	};
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	if (cityNodeScope(userCtx)) {
		checkCityNodeRelay(newDoc, oldDoc, userCtx);
		if (!newDoc._deleted) checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
		return;
	}
	requireAnyRole(userCtx, QA_ROLES, '修改质检数据');
	if (newDoc._deleted) {
		if (isServerAdmin(userCtx) || hasRole(userCtx, 'admin')) return;
		if (oldDoc && oldDoc.type === 'evaluation' && oldDoc.status === 'draft' && oldDoc.inspector === userCtx.name) return;
		forbid('没有权限删除此文档');
	}
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	// City staff work on their city's calls; scorecards are the province's.
	if (isCityStaff(userCtx)) {
		if (newDoc.type === 'scorecard') forbid('评分表由省平台维护');
		if (cityScopes(userCtx).indexOf(newDoc.subPlatform) === -1) forbid('分平台人员只能处理本分平台的通话');
	}
	var lead = isServerAdmin(userCtx) || hasAnyRole(userCtx, ['supervisor', 'admin']);

	if (newDoc.type === 'evaluation' && !lead) {
		if (newDoc.inspector !== userCtx.name) forbid('只能编写自己的质检单');
		if (oldDoc && !oldDoc._deleted && oldDoc.inspector !== userCtx.name) forbid('只能修改自己的质检单');
	}
	if (newDoc.type === 'evaluation' && oldDoc && !oldDoc._deleted && oldDoc.status !== 'draft') {
		checkSubmittedEvaluation(newDoc, oldDoc, userCtx, lead);
	}
	if (newDoc.type === 'appeal' && !lead) forbid('申诉只能由班长或管理员裁决');
	if (newDoc.type === 'recording') checkAuthorship(newDoc, oldDoc, userCtx, 'importedBy', null);
	if (newDoc.type === 'scorecard') {
		if (!lead) forbid('评分表只能由班长或管理员维护');
		checkAuthorship(newDoc, oldDoc, userCtx, null, 'updatedBy');
		// Old evaluations are read against their version: a retired version keeps its items for good.
		if (oldDoc && !oldDoc._deleted && oldDoc.retired && !sameJson(newDoc.sections, oldDoc.sections))
			forbid('已停用的评分表版本不可修改，请编辑最新版本');
	}

	// The server admin (setup, repairs) may replace this function anyway, so the lock does not bind it.
	function checkSubmittedEvaluation(newDoc, oldDoc, userCtx, lead) {
		if (isServerAdmin(userCtx)) return;
		if (newDoc.status === 'draft') forbid('已提交的质检单不能退回草稿');
		var changeable = lead ? CHANGEABLE_AFTER_SUBMISSION.lead : CHANGEABLE_AFTER_SUBMISSION.inspector;
		var field = firstChangedField(newDoc, oldDoc, changeable);
		if (field === null) return;
		if (!lead && CHANGEABLE_AFTER_SUBMISSION.lead.indexOf(field) !== -1)
			forbid('已提交的质检单只能由班长改分');
		forbid('已提交的质检单不可更改 ' + field);
	}
	// CouchDB's own members (_rev, _revisions, …) change with every write; attachments would travel to the
	// agent with the result, so they count as content.
	function firstChangedField(newDoc, oldDoc, changeable) {
		var keys = {};
		var key;
		for (key in oldDoc) if (has(oldDoc, key)) keys[key] = true;
		for (key in newDoc) if (has(newDoc, key)) keys[key] = true;
		for (key in keys) {
			if (key.charAt(0) === '_' && key !== '_attachments') continue;
			if (changeable.indexOf(key) !== -1) continue;
			if (!sameValue(newDoc[key], oldDoc[key])) return key;
		}
		return null;
	}
	// Key order does not count: a copy that went through another JSON encoder is still the same document.
	function sameValue(a, b) {
		if (a === b) return true;
		if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
		var isArray = Object.prototype.toString.call(a) === '[object Array]';
		if (isArray !== (Object.prototype.toString.call(b) === '[object Array]')) return false;
		if (isArray && a.length !== b.length) return false;
		var key;
		for (key in a) if (has(a, key) && (!has(b, key) || !sameValue(a[key], b[key]))) return false;
		for (key in b) if (has(b, key) && !has(a, key)) return false;
		return true;
	}
	// Documents may hold a field named hasOwnProperty; never call it on them.
	function has(object, key) {
		return Object.prototype.hasOwnProperty.call(object, key);
	}
}
