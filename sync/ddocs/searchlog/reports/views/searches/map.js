// 检索: key [scope, Beijing day, outcome], _count; outcome zero (nothing found), opened (an entry was opened),
// other (results, none opened). Scopes 'all', the sub-platform and the agent.
function (doc) {
	if (doc.type !== 'searchLog') return;
	var day = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 10);
	var outcome = doc.resultCount === 0 ? 'zero' : doc.openedEntryId ? 'opened' : 'other';
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.createdBy];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], day, outcome], null);
}
