// The entry review workflow, enforced by the server (ES5): 草稿 → 待审核 → 已发布 → 已下线.
/* global forbid, hasAnyRole, sameJson -- defined in roles.js, spliced into the same function */
var ENTRY_REVIEWERS = ['reviewer', 'admin'];
// What someone who is not a reviewer may change on a published entry: the pending revision and its trail.
var PUBLISHED_EDITABLE_FIELDS = [
	'revision',
	'history',
	'lastReviewedAt',
	'updatedBy',
	'updatedAt',
	'_rev',
	'_revisions'
];
var ENTRY_STATUS_CHANGES = {
	'draft>inReview': 'editor',
	'inReview>draft': 'reviewerOrAuthor',
	'inReview>published': 'reviewer',
	'published>archived': 'reviewer',
	'archived>published': 'reviewer'
};

function lastHistoryEvent(doc) {
	return doc.history.length ? doc.history[doc.history.length - 1] : null;
}

function requireReturnComment(doc) {
	var last = lastHistoryEvent(doc);
	if (!last || last.action !== 'reject' || !last.comment || !/\S/.test(last.comment))
		forbid('退回时必须填写意见');
}

function onlyFieldsChanged(newDoc, oldDoc, allowed) {
	var keys = {};
	var key;
	for (key in newDoc) keys[key] = true;
	for (key in oldDoc) keys[key] = true;
	for (key in keys) {
		if (allowed.indexOf(key) === -1 && !sameJson(newDoc[key], oldDoc[key])) return false;
	}
	return true;
}

function checkAppendOnlyHistory(newDoc, oldDoc) {
	if (newDoc.history.length < oldDoc.history.length) forbid('操作记录只能追加');
	for (var i = 0; i < oldDoc.history.length; i++) {
		if (!sameJson(newDoc.history[i], oldDoc.history[i])) forbid('操作记录只能追加');
	}
}

function checkRevisionChange(newDoc, oldDoc, userCtx, reviewer) {
	var before = oldDoc.revision;
	var after = newDoc.revision;
	if (sameJson(before, after)) return;
	if (after && after.baseVersion !== newDoc.version) forbid('修订稿必须基于当前发布版本');
	if (reviewer) {
		if (before && after && before.status === 'inReview' && after.status === 'draft')
			requireReturnComment(newDoc);
		return;
	}
	if (after && after.status === 'inReview' && before && before.status === 'inReview')
		forbid('待审核的修订稿不能修改');
	if (before && before.status === 'inReview' && (!after || after.status === 'draft')) {
		if (before.createdBy !== userCtx.name) forbid('只有审核人或作者本人可以撤回待审核的修订稿');
	}
	if (before && after && after.createdBy !== before.createdBy) forbid('修订稿作者不可更改');
	if (!before && after && after.createdBy !== userCtx.name) forbid('修订稿作者必须是当前用户');
}

function checkEntryWorkflow(newDoc, oldDoc, userCtx) {
	var reviewer = hasAnyRole(userCtx, ENTRY_REVIEWERS);
	if (!oldDoc) {
		// Reviewers may bring in entries already published (imports); everyone else starts a draft, or one
		// already submitted: created and submitted offline, it reaches the server as one revision whose
		// ancestor the server never saw, so it is judged as new.
		if (
			newDoc.status !== 'draft' &&
			newDoc.status !== 'inReview' &&
			!(reviewer && newDoc.status === 'published')
		)
			forbid('新知识点只能是草稿或待审核');
		if (newDoc.revision) forbid('新知识点不能带修订稿');
		return;
	}
	checkAppendOnlyHistory(newDoc, oldDoc);
	if (newDoc.version < oldDoc.version) forbid('版本号不能减小');
	if (newDoc.version > oldDoc.version + 1) forbid('版本号只能逐一增加');
	if (newDoc.version !== oldDoc.version && !reviewer) forbid('只有审核人可以发布新版本');

	if (newDoc.status !== oldDoc.status) {
		var who = ENTRY_STATUS_CHANGES[oldDoc.status + '>' + newDoc.status];
		if (!who) forbid('不允许的状态变更');
		if (who === 'reviewer' && !reviewer) forbid('没有权限发布或下线知识点');
		if (who === 'reviewerOrAuthor') {
			if (reviewer) requireReturnComment(newDoc);
			else if (oldDoc.createdBy !== userCtx.name) forbid('只有审核人或作者本人可以退回待审核的知识点');
		}
		if (newDoc.status === 'published' && !newDoc.publishedAt) forbid('发布时必须记录发布时间');
		return;
	}
	if (
		newDoc.status === 'inReview' &&
		!reviewer &&
		!onlyFieldsChanged(newDoc, oldDoc, PUBLISHED_EDITABLE_FIELDS)
	) {
		forbid('待审核的知识点不能修改，请先撤回');
	}
	if (newDoc.status === 'archived' && !reviewer) forbid('已下线的知识点只有审核人可以修改');
	if (newDoc.status === 'published') {
		if (!reviewer && !onlyFieldsChanged(newDoc, oldDoc, PUBLISHED_EDITABLE_FIELDS)) {
			forbid('已发布的知识点只能通过修订稿修改');
		}
		checkRevisionChange(newDoc, oldDoc, userCtx, reviewer);
	}
}
