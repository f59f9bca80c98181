function (doc) {
	if (doc.type === 'entry') emit([doc.status, doc.updatedAt], null);
}
