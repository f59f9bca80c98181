// Whether a listed call is scored, and by whom: the evaluations of a page of calls, asked by key.
function (doc) {
	if (doc.type === 'evaluation')
		emit(doc.recordingId, { inspector: doc.inspector, status: doc.status, total: doc.total });
}
