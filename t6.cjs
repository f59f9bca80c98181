const PouchDB = require('pouchdb');
const Validation = require('pouchdb-validation');
PouchDB.plugin(Validation);
(async () => {
	const db = new PouchDB('/tmp/t6db-' + Date.now());
	db.installValidationMethods();
	const r = await db.put({ _id: 'x', a: 1 });
	const res = await db.bulkDocs(
		{
			docs: [{ _id: 'x', a: 2, _rev: '2-abc', _revisions: { start: 2, ids: ['abc', r.rev.slice(2)] } }],
			new_edits: false
		},
		{ new_edits: false, userCtx: { name: null, roles: ['_admin'] } }
	);
	console.log(res, await db.get('x', { conflicts: true }));
	const res2 = await db.bulkDocs(
		[{ _id: 'x', a: 3, _rev: '2-abd', _revisions: { start: 2, ids: ['abd', r.rev.slice(2)] } }],
		{ new_edits: false }
	);
	console.log(res2, await db.get('x', { conflicts: true }));
})();
