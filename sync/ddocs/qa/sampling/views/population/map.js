// 抽检底册: a period's calls as the draw reads them, one compact row each (agent, business type, sub-platform,
// direction, seconds, flags: 1 投诉, 2 回访不满意), by time, so a province's week is read without its documents.
// A design document of its own: adding it re-indexes none of app's views on Apache CouchDB.
function (doc) {
	if (doc.type !== 'recording') return;
	var flags = (doc.complaint === true ? 1 : 0) | (doc.callbackSatisfaction === 'unsatisfied' ? 2 : 0);
	emit([doc.startedAt, doc._id], [
		doc.agentName,
		doc.businessType || '',
		doc.subPlatform || '',
		doc.direction,
		doc.durationSeconds,
		flags
	]);
}
