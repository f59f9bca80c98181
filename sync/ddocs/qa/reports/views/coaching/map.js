// 辅导: key [scope, Beijing day opened, status], value 1 a task; _stats counts them.
function (doc) {
	if (doc.type !== 'coachingTask' || !doc.createdAt) return;
	var day = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 10);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], day, doc.status], 1);
}
