function (doc) {
	if (doc.type === 'category') emit([doc.parentId, doc.order], doc.name);
}
