function (doc) {
	if (doc.type !== 'searchLog' && doc.status !== 'closed') emit([doc.type, doc.createdAt], null);
}
