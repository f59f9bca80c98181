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
		lead: ['status', 'scores', 'total', 'comments', 'scoreHistory', 'problemTags', 'typicalCase', 'updatedAt']
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
	var lead = isServerAdmin(userCtx) || hasAnyRole(userCtx, ['supervisor', 'admin']);
	// 抽检 is the province's programme (seed 002: 由省平台坐席统一抽检): its plans and draws are the province leads'.
	if (newDoc.type === 'samplingPlan' || newDoc.type === 'sampleDraw' || newDoc.type === 'sampleInput') {
		if (isCityStaff(userCtx)) forbid('抽检计划由省平台统一制定和抽取');
		if (!lead) forbid('抽检计划只能由班长或管理员制定和抽取');
		if (newDoc.type === 'samplingPlan') checkAuthorship(newDoc, oldDoc, userCtx, 'createdBy', 'updatedBy');
		if (newDoc.type === 'sampleInput') checkSampleInput(newDoc, oldDoc, userCtx);
		if (newDoc.type === 'sampleDraw') checkSampleDraw(newDoc, oldDoc, userCtx);
		return;
	}
	// 质检校准 is the province's: sessions are its leads', progress each inspector's own, and the scores are
	// copied in by the server alone when a session closes (they were blind until then, in calib-… databases).
	if (newDoc.type === 'calibrationScore' && !isServerAdmin(userCtx)) forbid('校准评分只能由服务器在校准结束时汇入');
	if (newDoc.type === 'calibrationSession' || newDoc.type === 'calibrationProgress') {
		if (isCityStaff(userCtx)) forbid('质检校准由省平台组织');
		if (newDoc.type === 'calibrationProgress') return checkCalibrationProgress(newDoc, oldDoc, userCtx);
		if (!lead) forbid('质检校准只能由班长或管理员组织');
		return checkCalibrationSession(newDoc, oldDoc, userCtx);
	}
	// City staff work on their city's calls; scorecards are the province's.
	if (isCityStaff(userCtx)) {
		if (newDoc.type === 'scorecard') forbid('评分表由省平台维护');
		if (newDoc.type === 'problemTag') forbid('问题类型由省平台维护');
		if (cityScopes(userCtx).indexOf(newDoc.subPlatform) === -1) forbid('分平台人员只能处理本分平台的通话');
	}

	if (newDoc.type === 'evaluation' && !lead) {
		if (newDoc.inspector !== userCtx.name) forbid('只能编写自己的质检单');
		if (oldDoc && !oldDoc._deleted && oldDoc.inspector !== userCtx.name) forbid('只能修改自己的质检单');
	}
	if (newDoc.type === 'evaluation' && oldDoc && !oldDoc._deleted && oldDoc.status !== 'draft') {
		checkSubmittedEvaluation(newDoc, oldDoc, userCtx, lead);
	}
	if (newDoc.type === 'appeal' && !lead) forbid('申诉只能由班长或管理员裁决');
	if (newDoc.type === 'coachingAck' && !isServerAdmin(userCtx)) forbid('辅导确认只能由坐席在自己的质检库中提交');
	if (newDoc.type === 'coachingTask') checkCoachingTask(newDoc, oldDoc, userCtx, lead);
	if (newDoc.type === 'problemTag') {
		if (!lead) forbid('问题类型由班长或管理员维护');
		if (newDoc._id !== 'problemTag:' + newDoc.key) forbid('问题类型的编号须为 problemTag:<key>');
		checkAuthorship(newDoc, oldDoc, userCtx, null, 'updatedBy');
	}
	if (newDoc.type === 'evaluation' && newDoc.typicalCase && (!oldDoc || !sameValue(newDoc.typicalCase, oldDoc.typicalCase)))
		if (newDoc.typicalCase.markedBy !== userCtx.name && !isServerAdmin(userCtx)) forbid('典型案例的 markedBy 必须是当前用户');
	if (newDoc.type === 'recording') checkAuthorship(newDoc, oldDoc, userCtx, 'importedBy', null);
	if (newDoc.type === 'scorecard') {
		if (!lead) forbid('评分表只能由班长或管理员维护');
		checkAuthorship(newDoc, oldDoc, userCtx, null, 'updatedBy');
		// Old evaluations are read against their version: a retired version keeps its items for good.
		if (oldDoc && !oldDoc._deleted && oldDoc.retired && !sameJson(newDoc.sections, oldDoc.sections))
			forbid('已停用的评分表版本不可修改，请编辑最新版本');
	}

	// 辅导任务: opened by an inspector or supervisor in their own name; afterwards only closed, by its coach or a
	// supervisor, in their own name; what it asks of the agent never changes.
	function checkCoachingTask(newDoc, oldDoc, userCtx, lead) {
		if (isServerAdmin(userCtx)) return;
		if (!oldDoc || oldDoc._deleted) {
			if (newDoc.createdBy !== userCtx.name) forbid('createdBy 必须是当前用户');
			if (newDoc.status !== 'open') forbid('新的辅导任务须为进行中');
			return;
		}
		if (!lead && oldDoc.createdBy !== userCtx.name) forbid('只能关闭自己开的辅导任务');
		var field = firstChangedField(newDoc, oldDoc, ['status', 'closedBy', 'closedAt', 'closingNote']);
		if (field !== null) forbid('辅导任务不可更改 ' + field);
		if (newDoc.status === 'closed' && newDoc.closedBy !== userCtx.name) forbid('closedBy 必须是当前用户');
	}
	// The population a draw was made from is its audit trail: written once, with the draw's key.
	function checkSampleInput(newDoc, oldDoc, userCtx) {
		if (isServerAdmin(userCtx)) return;
		if (oldDoc && !oldDoc._deleted) forbid('抽检底册写入后不可更改');
		if (newDoc.drawnBy !== userCtx.name) forbid('drawnBy 必须是当前用户');
		var drawId = 'sampleDraw:' + newDoc.planId.slice('samplingPlan:'.length) + ':' + newDoc.period.from;
		if (newDoc.drawId !== drawId || newDoc._id !== 'sampleInput:' + drawId.slice('sampleDraw:'.length))
			forbid('抽检底册的编号须为 计划:起始日');
		if (!newDoc._attachments || !newDoc._attachments['population.json.gz']) forbid('抽检底册缺少 population.json.gz');
	}
	// A draw's calls never change. A supervisor may give a call to another inspector, and says why: each
	// change of inspector is matched by a history entry appended in the same write, and the history only grows.
	function checkSampleDraw(newDoc, oldDoc, userCtx) {
		var planKey = newDoc.planId.slice('samplingPlan:'.length);
		if (newDoc._id !== 'sampleDraw:' + planKey + ':' + newDoc.period.from) forbid('抽检结果的编号须为 计划:起始日');
		if (newDoc.period.from > newDoc.period.to) forbid('抽检周期的起止日期颠倒');
		if (isServerAdmin(userCtx)) return;
		var i;
		if (!oldDoc || oldDoc._deleted) {
			if (newDoc.drawnBy !== userCtx.name) forbid('drawnBy 必须是当前用户');
			if (newDoc.history.length > 0) forbid('新的抽检结果不能带有改派记录');
			for (i = 0; i < newDoc.items.length; i++)
				if (newDoc.assignment.inspectors.indexOf(newDoc.items[i].inspector) === -1)
					forbid('抽中的通话只能分给计划中的质检员');
			return;
		}
		var field = firstChangedField(newDoc, oldDoc, ['items', 'history']);
		if (field !== null) forbid('抽检结果不可更改 ' + field);
		if (newDoc.items.length !== oldDoc.items.length) forbid('不能增删抽中的通话');
		if (newDoc.history.length < oldDoc.history.length) forbid('改派记录不能删除');
		for (i = 0; i < oldDoc.history.length; i++)
			if (!sameValue(newDoc.history[i], oldDoc.history[i])) forbid('改派记录不能修改');
		var reassigned = {};
		for (i = 0; i < newDoc.items.length; i++) {
			var before = oldDoc.items[i];
			var after = newDoc.items[i];
			var unchanged = {};
			for (var key in after) if (has(after, key)) unchanged[key] = key === 'inspector' ? before.inspector : after[key];
			if (!sameValue(unchanged, before)) forbid('不能调换抽中的通话，只能改派质检员');
			if (after.inspector !== before.inspector)
				reassigned[after.recordingId] = { from: before.inspector, to: after.inspector, told: false };
		}
		for (i = oldDoc.history.length; i < newDoc.history.length; i++) {
			var entry = newDoc.history[i];
			var change = has(reassigned, entry.recordingId) ? reassigned[entry.recordingId] : null;
			if (entry.by !== userCtx.name) forbid('改派记录的 by 必须是当前用户');
			if (!change || change.told || entry.from !== change.from || entry.to !== change.to)
				forbid('改派记录与改派的通话不符');
			change.told = true;
		}
		for (var id in reassigned)
			if (has(reassigned, id) && !reassigned[id].told) forbid('改派须写明原因');
	}
	// The server admin (setup, repairs) may replace this function anyway, so the lock does not bind it.
	function checkSubmittedEvaluation(newDoc, oldDoc, userCtx, lead) {
		if (isServerAdmin(userCtx)) return;
		if (newDoc.status === 'draft') forbid('已提交的质检单不能退回草稿');
		var changeable = lead ? CHANGEABLE_AFTER_SUBMISSION.lead : CHANGEABLE_AFTER_SUBMISSION.inspector;
		if (lead) checkScoreHistory(newDoc, oldDoc, userCtx);
		var field = firstChangedField(newDoc, oldDoc, changeable);
		if (field === null) return;
		if (!lead && CHANGEABLE_AFTER_SUBMISSION.lead.indexOf(field) !== -1)
			forbid('已提交的质检单只能由班长改分');
		forbid('已提交的质检单不可更改 ' + field);
	}
	// 改分: every change of points, N/A or red line after submission is told in one history entry appended in
	// the same write, in the writer's name, with the totals before and after and the items it changed.
	function checkScoreHistory(newDoc, oldDoc, userCtx) {
		var before = oldDoc.scoreHistory || [];
		var after = newDoc.scoreHistory || [];
		var i;
		if (after.length < before.length) forbid('改分记录不能删除');
		for (i = 0; i < before.length; i++) if (!sameValue(after[i], before[i])) forbid('改分记录不能修改');
		var changed = changedCriteria(oldDoc.scores, newDoc.scores);
		var rescored = changed.length > 0 || !sameValue(valueOrNull(newDoc.total), valueOrNull(oldDoc.total));
		if (!rescored) {
			if (after.length !== before.length) forbid('没有改分，不能添加改分记录');
			return;
		}
		if (after.length !== before.length + 1) forbid('改分须写明原因（每次一条改分记录）');
		var entry = after[after.length - 1];
		if (!sameValue(entry.totalBefore, valueOrNull(oldDoc.total)) || !sameValue(entry.totalAfter, valueOrNull(newDoc.total)))
			forbid('改分记录的前后总分与质检单不符');
		var told = [];
		for (i = 0; i < entry.changes.length; i++) told.push(entry.changes[i].criterionKey);
		if (!sameValue(told.sort(), changed.sort())) forbid('改分记录列出的评分项与实际改动不符');
		if (entry.by !== userCtx.name) forbid('改分记录的 by 必须是当前用户');
	}
	function valueOrNull(value) {
		return value === undefined ? null : value;
	}
	// The items whose points, N/A or red-line decision differ between two lists of scores.
	function changedCriteria(oldScores, newScores) {
		var decided = function (score) {
			return score
				? { points: valueOrNull(score.points), notApplicable: score.notApplicable === true, redLineFailed: score.redLineFailed === true }
				: null;
		};
		var byKey = {};
		var keys = [];
		var i;
		for (i = 0; i < oldScores.length; i++) {
			byKey[oldScores[i].criterionKey] = { before: oldScores[i] };
			keys.push(oldScores[i].criterionKey);
		}
		for (i = 0; i < newScores.length; i++) {
			var key = newScores[i].criterionKey;
			if (!has(byKey, key)) {
				byKey[key] = {};
				keys.push(key);
			}
			byKey[key].after = newScores[i];
		}
		var changed = [];
		for (i = 0; i < keys.length; i++)
			if (!sameValue(decided(byKey[keys[i]].before), decided(byKey[keys[i]].after))) changed.push(keys[i]);
		return changed;
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
