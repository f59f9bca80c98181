// Closed calibration sessions whose scores the server has not yet copied in: the fan-in's to-do list.
function (doc) {
	if (doc.type === 'calibrationSession' && doc.status === 'closed' && !doc.revealedAt) emit(doc.closedAt, null);
}
