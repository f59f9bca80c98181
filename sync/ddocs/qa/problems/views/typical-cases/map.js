// 典型案例: calls marked as training examples, good or bad, by when they were marked.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.typicalCase) return;
	emit([doc.typicalCase.markedAt, doc._id], {
		kind: doc.typicalCase.kind,
		reason: doc.typicalCase.reason,
		recordingId: doc.recordingId,
		agentName: doc.agentName,
		inspector: doc.inspector,
		problemTags: doc.problemTags || []
	});
}
