// 被打开的知识点: key [scope, Beijing month, entry id], _count of searches that opened it. By month: a month's
// distinct entries are one grouped read. Scopes 'all' and the sub-platform.
function (doc) {
	if (doc.type !== 'searchLog' || !doc.openedEntryId) return;
	var month = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 7);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province')];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], month, doc.openedEntryId], null);
}
