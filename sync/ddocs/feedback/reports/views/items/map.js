// 一线反馈 (查无信息, 纠错, 知识提问): key [scope, 'received', Beijing day, type] as each arrives, and
// [scope, 'handled', Beijing day closed, type, minutes from arrival to closing] once closed; _count. The
// minutes in the key make the median exact: a period's handled rows are its distribution.
function (doc) {
	if (doc.type !== 'searchMiss' && doc.type !== 'correction' && doc.type !== 'knowledgeQuestion') return;
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.createdBy];
	var created = Date.parse(doc.createdAt);
	var day = new Date(created + 28800000).toISOString().slice(0, 10);
	var closed = doc.status === 'closed' && doc.updatedAt ? Date.parse(doc.updatedAt) : NaN;
	for (var s = 0; s < scopes.length; s++) {
		emit([scopes[s], 'received', day, doc.type], null);
		if (closed === closed) {
			var closedDay = new Date(closed + 28800000).toISOString().slice(0, 10);
			var minutes = Math.max(0, Math.round((closed - created) / 60000));
			emit([scopes[s], 'handled', closedDay, doc.type, minutes], null);
		}
	}
}
