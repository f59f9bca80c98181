// 共性问题、热门问题: submitted results by Beijing day and problem type (the result's and its comments'),
// counted with _count, so a period's counts per type are one grouped range read.
function (doc) {
	if (doc.type !== 'evaluation' || doc.status === 'draft' || !doc.submittedAt) return;
	var day = new Date(Date.parse(doc.submittedAt) + 8 * 3600 * 1000).toISOString().slice(0, 10);
	var seen = {};
	var tags = (doc.problemTags || []).slice();
	for (var i = 0; i < doc.comments.length; i++) tags = tags.concat(doc.comments[i].problemTags || []);
	for (var j = 0; j < tags.length; j++) {
		if (seen[tags[j]] === true) continue;
		seen[tags[j]] = true;
		emit([day, tags[j]], null);
	}
}
