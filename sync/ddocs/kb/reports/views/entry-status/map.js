// 知识点现状: key [scope, status, entry type], _count. Scopes 'all' and the sub-platform ('sub:<code>',
// 'sub:province' for the province's own entries). What the knowledge base holds now, not at a period's end.
function (doc) {
	if (doc.type !== 'entry') return;
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province')];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], doc.status, doc.template], null);
}
