// 质检成绩: key [scope, Beijing day of submission, score band], value the total; _stats. The band is the whole
// points of the total, or 'R' for a red line (the total is then 0), so any whole-number pass mark, the
// distribution and the red-line count come from one grouped read of a period. Scopes: 'all', the
// sub-platform ('sub:<code>', 'sub:province' for the province's own calls), the agent and the inspector.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	if (typeof doc.total !== 'number') return;
	var day = new Date(Date.parse(doc.submittedAt) + 28800000).toISOString().slice(0, 10);
	var redLine = false;
	for (var i = 0; i < doc.scores.length; i++) if (doc.scores[i].redLineFailed) redLine = true;
	var band = redLine ? 'R' : Math.floor(doc.total);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName, 'inspector:' + doc.inspector];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], day, band], doc.total);
}
