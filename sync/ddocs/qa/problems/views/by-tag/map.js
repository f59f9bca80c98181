// The results of one problem type in a period: by type, then when they were submitted.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	var seen = {};
	var tags = (doc.problemTags || []).slice();
	for (var i = 0; i < doc.comments.length; i++) tags = tags.concat(doc.comments[i].problemTags || []);
	for (var j = 0; j < tags.length; j++) {
		if (seen[tags[j]] === true) continue;
		seen[tags[j]] = true;
		emit([tags[j], doc.submittedAt, doc._id], {
			recordingId: doc.recordingId,
			agentName: doc.agentName,
			inspector: doc.inspector,
			total: doc.total === undefined ? null : doc.total
		});
	}
}
