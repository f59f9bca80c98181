// 无结果检索: key [Beijing month, normalized query, agent], value the time (ms); _stats gives count and last.
function (doc) {
	if (doc.type !== 'searchLog' || doc.resultCount !== 0) return;
	var at = Date.parse(doc.createdAt);
	var query = String(doc.query);
	if (query.normalize) query = query.normalize('NFKC');
	query = query.toLowerCase().replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '').replace(/\s*\?+$/, '');
	if (!query) return;
	emit([new Date(at + 28800000).toISOString().slice(0, 7), query, doc.createdBy], at);
}
