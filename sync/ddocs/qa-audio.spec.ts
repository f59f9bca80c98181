// qa-audio's validator with oldDoc = null in every case: that is all Apache CouchDB gives it for a replicated
// branch whose ancestors it does not know, so the rule must hold on the new document alone.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { couchDigest } from '../../src/lib/db/audio-digest';
import { audioDocumentId } from '../../src/lib/db/audio-transfer';
import { databases, QA_AUDIO_DB } from '../../src/lib/db/catalog';
import { schemasById } from '../../src/lib/db/generated/schema-registry';
import { compileValidateFunction, refusal } from '../../tests/support/design-functions';

const validate = compileValidateFunction(databases[QA_AUDIO_DB]!);
const user = (name: string, ...roles: string[]) => ({ name, roles });
const inspector = user('inspector01', 'inspector');
const supervisor = user('supervisor01', 'supervisor');
const admin = user('admin01', 'admin');
const serverAdmin = user('couchadmin', '_admin');

const md5 = (text: string) => createHash('md5').update(text).digest('base64url');
const CALL = 'C20261120-0001';
const id = audioDocumentId({
	callId: CALL,
	audio: { fileName: 'a.ogg', contentType: 'audio/ogg', byteLength: 4, md5: md5('call') }
});
/** What validate_doc_update sees of an attachment: a stub with its digest, never the bytes. */
const stub = (bytes: string) => ({
	stub: true,
	content_type: 'audio/ogg',
	length: bytes.length,
	revpos: 1,
	digest: couchDigest(md5(bytes))
});
const audioDoc = (overrides: Record<string, unknown> = {}) => ({
	_id: id,
	_attachments: { audio: stub('call') },
	...overrides
});
const forgedBranch = (overrides: Record<string, unknown> = {}) =>
	audioDoc({ _rev: `9-${'f'.repeat(32)}`, _revisions: { start: 9, ids: ['f'.repeat(32)] }, ...overrides });

describe('qa-audio: the id names the bytes', () => {
	it('builds ids that carry the MD5 in base64url', () => {
		expect(id).toBe(`audio:${CALL}:${md5('call')}`);
		expect(id).toMatch(/^audio:C20261120-0001:[A-Za-z0-9_-]{22}$/);
	});

	it.each([
		['an inspector uploads a call’s audio', inspector, audioDoc()],
		['a supervisor uploads a call’s audio', supervisor, audioDoc()],
		['a forged branch carries the very same bytes', inspector, forgedBranch()],
		[
			'the server hands a new document over with an undefined member',
			inspector,
			audioDoc({ _rev: undefined })
		]
	])('accepts: %s', (_, userCtx, doc) => {
		expect(refusal(() => validate(doc, null, userCtx, {}))).toBeNull();
	});

	it.each([
		[
			'other bytes under an existing id',
			forgedBranch({ _attachments: { audio: stub('other call') } }),
			/MD5 不符/
		],
		[
			'an upload whose digest the server does not know',
			audioDoc({ _attachments: { audio: { stub: true, content_type: 'audio/ogg' } } }),
			/须带 Content-MD5/
		],
		['a field beside the attachment', audioDoc({ type: 'audio' }), /不能有 type/],
		['who uploaded it, in the document', audioDoc({ uploadedBy: 'inspector01' }), /不能有 uploadedBy/],
		[
			'a second attachment',
			audioDoc({ _attachments: { audio: stub('call'), cover: stub('call') } }),
			/只能有一个名为 audio 的附件/
		],
		['an attachment under another name', audioDoc({ _attachments: { sound: stub('call') } }), /名为 audio/],
		['no attachment', { _id: id }, /须带附件 audio/],
		[
			'a page served from the app’s origin',
			audioDoc({ _attachments: { audio: { ...stub('call'), content_type: 'text/html' } } }),
			/类型须为/
		],
		['the old id without the MD5', audioDoc({ _id: `audio:${CALL}` }), /旧格式的录音只有管理员可以修改/],
		['an MD5 cut short', audioDoc({ _id: `audio:${CALL}:${md5('call').slice(1)}` }), /_id 须为/],
		['something after the MD5', audioDoc({ _id: `${id}:x` }), /_id 须为/],
		['a call id outside the pattern', audioDoc({ _id: `audio:C/1:${md5('call')}` }), /_id 须为/],
		['a deletion', { _id: id, _rev: '1-a', _deleted: true }, /不可删除/],
		['a deletion as a forged branch', forgedBranch({ _deleted: true }), /不可删除/]
	])('refuses an inspector %s', (_, doc, reason) => {
		expect(refusal(() => validate(doc, null, inspector, {}))).toMatch(reason);
	});

	it('takes every audio type a recording may have', () => {
		const recording = schemasById['recording.schema.json'] as {
			properties: { audio: { properties: { contentType: { enum: string[] } } } };
		};
		for (const type of recording.properties.audio.properties.contentType.enum) {
			const doc = audioDoc({ _attachments: { audio: { ...stub('call'), content_type: type } } });
			expect(refusal(() => validate(doc, null, inspector, {}))).toBeNull();
		}
	});

	it('refuses every other role, even the right bytes', () => {
		for (const userCtx of [user('agent01', 'agent'), user('editor01', 'editor'), user('x', 'reviewer')])
			expect(refusal(() => validate(audioDoc(), null, userCtx, {}))).toMatch(/没有权限/);
	});

	it('lets the admin and the server admin repair: old ids, deletions', () => {
		for (const userCtx of [admin, serverAdmin]) {
			expect(refusal(() => validate(audioDoc({ _id: `audio:${CALL}` }), null, userCtx, {}))).toBeNull();
			expect(refusal(() => validate({ _id: id, _rev: '1-a', _deleted: true }, null, userCtx, {}))).toBeNull();
		}
	});

	it('leaves design documents to the server admin', () => {
		const ddoc = { _id: '_design/app', validate_doc_update: 'function () {}' };
		expect(refusal(() => validate(ddoc, null, admin, {}))).not.toBeNull();
		expect(refusal(() => validate(ddoc, null, serverAdmin, {}))).toBeNull();
	});
});
