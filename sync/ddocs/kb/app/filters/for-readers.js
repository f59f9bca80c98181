// What the server copies from kb to pub: the documents every reader needs (publications, categories,
// templates, synonyms, profiles), decided by the _id so that their deletions are copied too.
function (doc) {
	return /^(publishedEntry|category|template|synonym|profile):/.test(doc._id);
}
