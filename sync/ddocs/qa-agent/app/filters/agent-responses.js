// What the server carries back from an agent's own database to qa: the agent's acknowledgements and appeals.
function (doc) {
	return doc.type === 'acknowledgement' || doc.type === 'appeal';
}
