// What the server copies from qa into one agent's own database: scorecards, and that agent's submitted
// evaluations with their acknowledgements and appeals, and their coaching tasks (never drafts, never another
// agent's).
function (doc, req) {
	var agent = req.query.agent;
	if (!agent || doc._id.indexOf('_design/') === 0) return false;
	if (doc.type === 'scorecard') return true;
	if (doc.agentName !== agent) return false;
	if (doc.type === 'evaluation') return doc.status !== 'draft';
	return doc.type === 'appeal' || doc.type === 'acknowledgement' || doc.type === 'coachingTask' || doc.type === 'coachingAck';
}
