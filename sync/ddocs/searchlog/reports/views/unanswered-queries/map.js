// 未得到答案的检索: key [scope, Beijing month, normalized query], _count, for searches after which no entry was
// opened. By month, not day: a month's distinct queries are one grouped read. Scopes 'all' and the sub-platform.
function (doc) {
	if (doc.type !== 'searchLog' || doc.openedEntryId) return;
	var query = String(doc.query);
	if (query.normalize) query = query.normalize('NFKC');
	query = query.toLowerCase().replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '').replace(/\s*\?+$/, '');
	if (!query) return;
	var month = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 7);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province')];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], month, query], null);
}
