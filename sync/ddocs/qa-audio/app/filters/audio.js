// The audio files (never a design document), sent from a city's uploads up to the province's qa-audio.
function (doc) {
	return doc._id.indexOf('audio:') === 0;
}
