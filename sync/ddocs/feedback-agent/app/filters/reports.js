// What the server carries from an agent's own database to feedback: the agent's reports (查无信息, 纠错, 提问).
function (doc) {
	return doc._id.indexOf('_design/') !== 0 && doc.type !== 'searchLog' && doc._id.indexOf('searchLog:') !== 0;
}
