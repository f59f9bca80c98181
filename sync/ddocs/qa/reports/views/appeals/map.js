// 申诉: key [scope, Beijing day received, status], value the hours to the ruling (0 while open); _stats gives
// how many of each outcome and the mean time to rule.
function (doc) {
	if (doc.type !== 'appeal' || !doc.createdAt) return;
	var day = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 10);
	var hours = doc.ruledAt ? (Date.parse(doc.ruledAt) - Date.parse(doc.createdAt)) / 3600000 : 0;
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], day, doc.status], hours);
}
