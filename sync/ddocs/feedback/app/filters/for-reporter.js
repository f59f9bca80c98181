// What the server copies from feedback into one agent's own database: that agent's reports as the editors
// handle them (never search logs, which only travel the other way, nor anyone else's).
function (doc, req) {
	var agent = req.query.agent;
	if (!agent || doc._id.indexOf('_design/') === 0) return false;
	if (doc._deleted) return doc._id.slice(-(agent.length + 1)) === ':' + agent;
	if (doc.type !== 'searchMiss' && doc.type !== 'correction' && doc.type !== 'knowledgeQuestion') return false;
	return doc.createdBy === agent;
}
