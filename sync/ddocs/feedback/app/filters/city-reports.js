// One sub-platform's reports (查无信息, 纠错, 提问) and their handling, exchanged between feedback and that city's
// own server (cityfeedback-<code>): never a search log, never another city's.
function (doc, req) {
	var city = req.query.city;
	if (!city || doc._deleted) return false;
	return doc.type !== 'searchLog' && doc.subPlatform === city;
}
