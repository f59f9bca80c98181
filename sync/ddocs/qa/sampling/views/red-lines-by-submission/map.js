// 红线: submitted results with a failed red line, by when they were submitted, for the supervisor's week.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	var failed = [];
	for (var i = 0; i < doc.scores.length; i++) if (doc.scores[i].redLineFailed === true) failed.push(doc.scores[i].criterionKey);
	if (failed.length > 0)
		emit([doc.submittedAt, doc._id], { recordingId: doc.recordingId, agentName: doc.agentName, inspector: doc.inspector, criteria: failed });
}
