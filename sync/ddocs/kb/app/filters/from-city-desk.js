// What the server carries from a sub-platform's desk (citykb-<code>) into kb: that city's own documents only,
// never a changed copy of the province's. Deletions pass: the desk's validator let city staff delete only
// their city's documents, and a forged tombstone branch never wins over a live revision.
function (doc, req) {
	var city = req.query.city;
	if (!city) return false;
	if (doc._deleted) return /^(entry|publishedEntry):/.test(doc._id);
	return doc.subPlatform === city;
}
