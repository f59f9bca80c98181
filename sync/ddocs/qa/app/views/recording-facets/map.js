// The choices of the list's filters (agents, business types, handling results), counted with _count.
function (doc) {
	if (doc.type !== 'recording') return;
	emit(['agent', doc.agentName, doc.agentDisplayName || doc.agentName], null);
	if (doc.businessType) emit(['businessType', doc.businessType], null);
	if (doc.handlingResult) emit(['handlingResult', doc.handlingResult], null);
}
