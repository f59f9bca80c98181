// 辅导前后 (map only): key [scope, Beijing day opened], value what the report needs to compare the coached items
// before and after: the agent, the scorecard and the items. Scopes 'all', the sub-platform and the agent.
function (doc) {
	if (doc.type !== 'coachingTask' || !doc.createdAt) return;
	var day = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 10);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName];
	var task = { agentName: doc.agentName, scorecardId: doc.scorecardId, criterionKeys: doc.criterionKeys, status: doc.status };
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], day], task);
}
