// 抽检覆盖 (map only): key [the last day of the draw's period]; the report reads the draws whose period ends on
// or after its first day, keeps those that start by its last, and counts their calls scored.
function (doc) {
	if (doc.type !== 'sampleDraw' || !doc.period) return;
	emit([doc.period.to], null);
}
