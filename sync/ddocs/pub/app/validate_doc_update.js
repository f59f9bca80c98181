// 已发布知识 (pub): what agents, inspectors and supervisors read of the knowledge base, copied from kb by the
// server's own replication (setup). Nobody else writes here: every change is made in kb, by its rules.
function (newDoc, oldDoc, userCtx, secObj) {
	if (!isServerAdmin(userCtx)) forbid('已发布的知识只能在知识库中修改');
}
