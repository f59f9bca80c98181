// 知识点变动: key [scope, Beijing day, kind], _count. added: the first publication (or an import published
// directly); changed: every later publication; pruned: taken offline (下线); expired: the day its 有效期 ends.
function (doc) {
	if (doc.type !== 'entry') return;
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province')];
	var day = function (at) {
		return new Date(Date.parse(at) + 28800000).toISOString().slice(0, 10);
	};
	var events = [];
	var history = doc.history || [];
	for (var i = 0; i < history.length; i++)
		if (history[i].action === 'publish' || history[i].action === 'archive') events.push(history[i]);
	events.sort(function (a, b) {
		return Date.parse(a.at) - Date.parse(b.at);
	});
	var published = 0;
	var changes = [];
	if (doc.publishedAt && history.length > 0 && history[0].action === 'import') {
		changes.push([day(doc.publishedAt), 'added']);
		published = 1;
	}
	for (var e = 0; e < events.length; e++) {
		if (events[e].action === 'archive') changes.push([day(events[e].at), 'pruned']);
		else changes.push([day(events[e].at), published++ === 0 ? 'added' : 'changed']);
	}
	if (doc.validTo && published > 0) changes.push([doc.validTo, 'expired']);
	for (var c = 0; c < changes.length; c++)
		for (var s = 0; s < scopes.length; s++) emit([scopes[s], changes[c][0], changes[c][1]], null);
}
