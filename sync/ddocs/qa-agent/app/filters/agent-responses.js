// What the server carries back from an agent's own database to qa: the agent's acknowledgements, appeals and
// confirmations of coaching tasks.
function (doc) {
	return doc.type === 'acknowledgement' || doc.type === 'appeal' || doc.type === 'coachingAck';
}
