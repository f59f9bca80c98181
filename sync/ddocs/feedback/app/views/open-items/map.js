function (doc) {
	if (doc.type !== 'searchLog' && doc.type !== 'suggestionDecision' && doc.status !== 'closed') emit([doc.type, doc.createdAt], null);
}
