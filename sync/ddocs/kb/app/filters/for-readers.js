// What the server copies from kb to pub: what every reader needs (the province's publications, categories,
// templates, synonyms, profiles, the sub-platform list), decided by the _id so that deletions are copied
// too. A city's publications go to its own pub-<code> (for-city).
function (doc) {
	if (!/^(publishedEntry|category|template|synonym|profile|subPlatform):/.test(doc._id)) return false;
	return Boolean(doc._deleted) || doc.type !== 'publishedEntry' || !doc.subPlatform;
}
