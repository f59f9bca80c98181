// 共性问题、热门问题: key [scope, Beijing day of submission, problem type], value 1 a result (the result's types
// and its comments', each once); _stats counts them.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	var day = new Date(Date.parse(doc.submittedAt) + 28800000).toISOString().slice(0, 10);
	var seen = {};
	var tags = (doc.problemTags || []).slice();
	for (var i = 0; i < doc.comments.length; i++) tags = tags.concat(doc.comments[i].problemTags || []);
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName];
	for (var j = 0; j < tags.length; j++) {
		if (seen[tags[j]] === true) continue;
		seen[tags[j]] = true;
		for (var s = 0; s < scopes.length; s++) emit([scopes[s], day, tags[j]], 1);
	}
}
