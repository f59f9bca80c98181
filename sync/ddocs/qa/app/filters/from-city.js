// What the server carries from a sub-platform's cityqa-<code> into qa: that city's calls and what was written
// about them, never a scorecard or a problem type (the province's) nor a document of another city.
function (doc, req) {
	var city = req.query.city;
	if (!city) return false;
	if (doc._deleted) return doc._id.indexOf('scorecard:') !== 0 && doc._id.indexOf('problemTag:') !== 0;
	return doc.type !== 'scorecard' && doc.type !== 'problemTag' && doc.subPlatform === city;
}
