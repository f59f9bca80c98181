// What the server carries from an agent's own database to feedback: everything the agent wrote there.
function (doc) {
	return doc._id.indexOf('_design/') !== 0;
}
