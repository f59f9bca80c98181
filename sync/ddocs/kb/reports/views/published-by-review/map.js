// 现行知识点, the longest unreviewed first (map only): key [scope, last confirmed correct], value the standard
// question. The report pages through it for 陈旧知识点梳理: published entries nobody opened in the period.
function (doc) {
	if (doc.type !== 'entry' || doc.status !== 'published') return;
	var reviewed = doc.lastReviewedAt || doc.publishedAt || doc.updatedAt;
	var scopes = ['all', 'sub:' + (doc.subPlatform || 'province')];
	for (var s = 0; s < scopes.length; s++) emit([scopes[s], reviewed], doc.standardQuestion);
}
