// What a city's own server takes from the province's pub into its kb: every document but the design.
function (doc) {
	return doc._id.indexOf('_design/') !== 0;
}
