// What the server copies from qa to a sub-platform's cityqa-<code>: the scorecards, the problem types, and that
// city's calls with their waveforms, transcripts, evaluations, appeals and acknowledgements; another city's never.
function (doc, req) {
	var city = req.query.city;
	if (!city) return false;
	if (doc._deleted) return true;
	if (doc.type === 'scorecard' || doc.type === 'problemTag') return true;
	return doc.subPlatform === city;
}
