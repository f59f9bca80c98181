// 按人和业务: key [scope, 'inspector' | 'agent' | 'business', Beijing day, name], value the total; _stats. One
// grouped read of a period gives each inspector's, agent's and business type's count and average. An agent's
// scope has its inspectors and business types (a team's are its agents' summed).
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	if (typeof doc.total !== 'number') return;
	var day = new Date(Date.parse(doc.submittedAt) + 28800000).toISOString().slice(0, 10);
	var business = (doc.call && doc.call.businessType) || '未分类';
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province')];
	for (var s = 0; s < scopes.length; s++) {
		emit([scopes[s], 'inspector', day, doc.inspector], doc.total);
		emit([scopes[s], 'agent', day, doc.agentName], doc.total);
		emit([scopes[s], 'business', day, business], doc.total);
	}
	emit(['agent:' + doc.agentName, 'inspector', day, doc.inspector], doc.total);
	emit(['agent:' + doc.agentName, 'business', day, business], doc.total);
}
