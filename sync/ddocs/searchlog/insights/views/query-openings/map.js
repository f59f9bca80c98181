// 相似问建议: key [Beijing month, normalized query, entry opened], value [1, h, h²] for a number h per (agent,
// day); _sum gives [openings, Σh, Σh²], and the openings came from one occasion only when n·Σh² = (Σh)².
// Three numbers, not _stats' five named ones: a month has ~10⁵ rows and the editors' read carries them all.
function (doc) {
	if (doc.type !== 'searchLog' || !doc.openedEntryId) return;
	var at = Date.parse(doc.createdAt);
	var query = String(doc.query);
	if (query.normalize) query = query.normalize('NFKC');
	query = query.toLowerCase().replace(/\s+/g, ' ').replace(/^\s+|\s+$/g, '').replace(/\s*\?+$/, '');
	if (query.length < 4) return;
	var beijing = new Date(at + 28800000).toISOString();
	var occasion = doc.createdBy + '|' + beijing.slice(0, 10);
	var hash = 0;
	// Small numbers keep the rows small (a month has ~10⁵ of them); two occasions share one 1 time in 997.
	for (var i = 0; i < occasion.length; i++) hash = (hash * 31 + occasion.charCodeAt(i)) % 997;
	emit([beijing.slice(0, 7), query, doc.openedEntryId], [1, hash, hash * hash]);
}
