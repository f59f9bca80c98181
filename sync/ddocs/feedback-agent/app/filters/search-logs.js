// What the server carries from an agent's own database to searchlog: the agent's search logs.
function (doc) {
	return doc._id.indexOf('searchLog:') === 0;
}
