// What the server copies from kb to a sub-platform's desk (citykb-<code>): that city's own documents (entries in
// every state, versions, publications, its users' profiles) and what its staff read of the province's
// (publications, categories, templates, synonyms, change notices, profiles, the list); another city's never.
// A deletion stub has no fields, so deletions go by the _id (a tombstone shows only an id, never content).
function (doc, req) {
	var city = req.query.city;
	if (!city) return false;
	if (doc._deleted) return true;
	if (doc.subPlatform) return doc.subPlatform === city;
	return /^(publishedEntry|category|template|synonym|changeNotice|profile|subPlatform):/.test(doc._id);
}
