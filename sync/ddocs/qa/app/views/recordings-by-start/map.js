// The recording list, newest first, read from the server a page at a time (no browser holds every call).
// The id makes every key unique, so a page starts after the last one read (PouchDB has no startkey_docid).
function (doc) {
	if (doc.type === 'recording') emit([doc.startedAt, doc._id], null);
}
