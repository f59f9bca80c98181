// Which calls of a period are scored: evaluations by their call's start, so a plan's coverage reads one key
// range (a month's draws: one read, not 10⁴ lookups by call). 1 for submitted, 0 for a draft.
function (doc) {
	if (doc.type === 'evaluation' && doc.call && doc.call.startedAt)
		emit([doc.call.startedAt, doc.recordingId], doc.status === 'draft' ? 0 : 1);
}
