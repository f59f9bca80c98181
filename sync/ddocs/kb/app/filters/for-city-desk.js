// What the server copies from kb to a sub-platform's desk (citykb-<code>): that city's own documents (entries in
// every state, versions, publications, its users' profiles) and the province's reference data its editors work
// with (categories, templates, synonyms, change notices, profiles, the list); another city's never. The
// province's publications they read from pub, so that 19 desks do not each hold a copy of them.
// A deletion stub has no fields, so deletions go by the _id (a tombstone shows only an id, never content).
function (doc, req) {
	var city = req.query.city;
	if (!city) return false;
	if (doc._deleted) return true;
	if (doc.subPlatform) return doc.subPlatform === city;
	return /^(category|template|synonym|changeNotice|profile|subPlatform):/.test(doc._id);
}
