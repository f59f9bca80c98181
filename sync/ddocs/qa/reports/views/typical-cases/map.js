// 典型案例 of a period: key [scope, Beijing day marked], value what the report lists of the case.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.typicalCase) return;
	var day = new Date(Date.parse(doc.typicalCase.markedAt) + 28800000).toISOString().slice(0, 10);
	var value = {
		kind: doc.typicalCase.kind,
		reason: doc.typicalCase.reason,
		callId: (doc.call && doc.call.callId) || doc.recordingId.slice(10),
		agentName: doc.agentName,
		inspector: doc.inspector
	};
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province'), 'agent:' + doc.agentName];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], day], value);
}
