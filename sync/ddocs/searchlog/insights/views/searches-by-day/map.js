// Searches by Beijing day and outcome (zero: nothing found; opened: an entry was opened; other).
function (doc) {
	if (doc.type !== 'searchLog') return;
	var day = new Date(Date.parse(doc.createdAt) + 28800000).toISOString().slice(0, 10);
	emit([day, doc.resultCount === 0 ? 'zero' : doc.openedEntryId ? 'opened' : 'other'], null);
}
