// One sub-platform's search logs, sent from its own server's searchlog to the province (cityfeedback-<code>).
function (doc, req) {
	var city = req.query.city;
	if (!city || doc._deleted) return false;
	return doc.type === 'searchLog' && doc.subPlatform === city;
}
