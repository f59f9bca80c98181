// One sub-platform's search logs, carried from what its own server sent (cityfeedback-<code>) into searchlog.
function (doc, req) {
	var city = req.query.city;
	if (!city || doc._deleted) return false;
	return doc.type === 'searchLog' && doc.subPlatform === city;
}
