// One agent's calls by time: the list filtered by 坐席 without scanning everyone's.
function (doc) {
	if (doc.type === 'recording') emit([doc.agentName, doc.startedAt, doc._id], null);
}
