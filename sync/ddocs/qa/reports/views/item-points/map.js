// 失分项: key [scope, Beijing day, scorecard, item], value the points given (a red line: 1 if failed, else 0);
// _stats. Points lost are count × the item's maximum − sum, with the maximum read from the scorecard.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	var day = new Date(Date.parse(doc.submittedAt) + 28800000).toISOString().slice(0, 10);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName];
	for (var i = 0; i < doc.scores.length; i++) {
		var line = doc.scores[i];
		if (line.notApplicable) continue;
		var value = typeof line.redLineFailed === 'boolean' && line.points == null ? (line.redLineFailed ? 1 : 0) : line.points;
		if (typeof value !== 'number') continue;
		for (var s = 0; s < scopes.length; s++) emit([scopes[s], day, doc.scorecardId, line.criterionKey], value);
	}
}
