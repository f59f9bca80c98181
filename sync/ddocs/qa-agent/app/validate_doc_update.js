// 坐席个人质检库 (qa-agent-*): one agent's own evaluations, copied in by the server; the agent writes
// acknowledgements and appeals here, which the server carries back to qa.
function (newDoc, oldDoc, userCtx, secObj) {
	if (newDoc._id.indexOf('_design/') === 0) {
		if (!isServerAdmin(userCtx)) forbid('只有服务器管理员可以修改设计文档');
		return;
	}
	if (isServerAdmin(userCtx) || hasRole(userCtx, 'admin')) return;
	if (newDoc._deleted) forbid('没有权限');
	checkDocumentShape(newDoc, oldDoc, ALLOWED_TYPES, SCHEMA_ID_BY_TYPE, SCHEMAS);
	var owners = (secObj && secObj.members && secObj.members.names) || [];
	if (owners.indexOf(userCtx.name) === -1) forbid('这不是你的质检库');
	if (newDoc.type === 'evaluation') forbid('质检单只能由质检员修改');
	if (newDoc.type === 'coachingTask') forbid('辅导任务只能由质检员或班长修改');
	if (newDoc.type === 'scorecard') forbid('评分表只能由班长或管理员维护');
	if (newDoc.agentName !== userCtx.name) forbid('只能以自己的名义确认或申诉');
	if (newDoc.type === 'appeal') {
		if (newDoc.status !== 'open' || newDoc.ruling || newDoc.ruledBy) forbid('申诉结果只能由班长给出');
		if (oldDoc && !oldDoc._deleted && oldDoc.status !== 'open') forbid('申诉已裁决，不能修改');
	}
	if ((newDoc.type === 'acknowledgement' || newDoc.type === 'coachingAck') && oldDoc && !oldDoc._deleted)
		forbid('确认后不可修改');
}
