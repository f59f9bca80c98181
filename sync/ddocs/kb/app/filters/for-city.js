// What the server copies from kb to one sub-platform's pub-<code>: that city's publications. Deletions go by
// the _id (a stub has no fields); a tombstone of a publication the city never had is harmless.
function (doc, req) {
	var city = req.query.city;
	if (!city || doc._id.indexOf('publishedEntry:') !== 0) return false;
	return Boolean(doc._deleted) || doc.subPlatform === city;
}
