// 知识更新通知 by the Beijing day received (map only): the report reads the affected entries' publications
// to compute 知识库更新及时率 (src/lib/knowledge/rules/notice-timeliness.ts), as the notices page does.
function (doc) {
	if (doc.type !== 'changeNotice') return;
	var day = new Date(Date.parse(doc.receivedAt) + 28800000).toISOString().slice(0, 10);
	emit([day], { receivedAt: doc.receivedAt, affectedEntries: doc.affectedEntries });
}
