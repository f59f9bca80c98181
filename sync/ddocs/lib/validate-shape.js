// Checks a document against the JSON Schema subset used in schemas/ (ES5: it runs inside validate_doc_update).
// Supported keywords: $ref, type, const, enum, anyOf, properties, required, additionalProperties:false,
// items, minItems, maxItems, minLength, maxLength, pattern, minimum, maximum. Keys starting with "_" that a
// schema does not declare (_revisions, _deleted, …) belong to CouchDB and are not checked.
function validateShape(value, schemaId, schemas) {
	// Documents may hold a field named hasOwnProperty; never call it on them.
	function has(object, key) {
		return Object.prototype.hasOwnProperty.call(object, key);
	}
	function resolve(ref, baseId) {
		var hash = ref.indexOf('#');
		var fileId = hash === 0 ? baseId : ref.slice(0, hash === -1 ? ref.length : hash);
		var node = schemas[fileId];
		if (!node) throw new Error('unknown schema ' + fileId);
		var pointer = hash === -1 ? '' : ref.slice(hash + 2);
		var parts = pointer ? pointer.split('/') : [];
		for (var i = 0; i < parts.length; i++) node = node[parts[i]];
		return { schema: node, baseId: fileId };
	}
	function typeOf(v) {
		if (v === null) return 'null';
		if (Object.prototype.toString.call(v) === '[object Array]') return 'array';
		return typeof v;
	}
	function matchesType(v, type) {
		var actual = typeOf(v);
		if (type === 'integer') return actual === 'number' && Math.floor(v) === v && isFinite(v);
		if (type === 'number') return actual === 'number' && isFinite(v);
		return actual === type;
	}
	function codePointLength(s) {
		var n = 0;
		for (var i = 0; i < s.length; i++) {
			var c = s.charCodeAt(i);
			if (c < 0xdc00 || c > 0xdfff) n++;
		}
		return n;
	}
	function check(v, schema, baseId, path) {
		if (schema.$ref) {
			var target = resolve(schema.$ref, baseId);
			return check(v, target.schema, target.baseId, path);
		}
		var where = path || '文档';
		var i, key, error;
		if (schema.type !== undefined) {
			var types = typeOf(schema.type) === 'array' ? schema.type : [schema.type];
			var typeOk = false;
			for (i = 0; i < types.length; i++) if (matchesType(v, types[i])) typeOk = true;
			if (!typeOk) return where + ' 类型应为 ' + types.join('/');
		}
		if (has(schema, 'const') && v !== schema['const']) return where + ' 应为 ' + schema['const'];
		if (schema['enum']) {
			var found = false;
			for (i = 0; i < schema['enum'].length; i++) if (schema['enum'][i] === v) found = true;
			if (!found) return where + ' 取值无效';
		}
		if (schema.anyOf) {
			var firstError = null;
			for (i = 0; i < schema.anyOf.length; i++) {
				error = check(v, schema.anyOf[i], baseId, path);
				if (!error) {
					firstError = null;
					break;
				}
				if (!firstError) firstError = error;
			}
			if (firstError) return firstError;
		}
		var kind = typeOf(v);
		if (kind === 'string') {
			if (schema.minLength !== undefined && codePointLength(v) < schema.minLength) return where + ' 太短';
			if (schema.maxLength !== undefined && codePointLength(v) > schema.maxLength) return where + ' 太长';
			if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(v)) return where + ' 格式不正确';
		}
		if (kind === 'number') {
			if (schema.minimum !== undefined && v < schema.minimum) return where + ' 不能小于 ' + schema.minimum;
			if (schema.maximum !== undefined && v > schema.maximum) return where + ' 不能大于 ' + schema.maximum;
		}
		if (kind === 'array') {
			if (schema.minItems !== undefined && v.length < schema.minItems)
				return where + ' 至少 ' + schema.minItems + ' 项';
			if (schema.maxItems !== undefined && v.length > schema.maxItems)
				return where + ' 至多 ' + schema.maxItems + ' 项';
			if (schema.items) {
				for (i = 0; i < v.length; i++) {
					error = check(v[i], schema.items, baseId, where + '[' + i + ']');
					if (error) return error;
				}
			}
		}
		if (kind === 'object') {
			var properties = schema.properties || {};
			if (schema.required) {
				for (i = 0; i < schema.required.length; i++) {
					if (!has(v, schema.required[i])) return (path ? path + '.' : '') + schema.required[i] + ' 必填';
				}
			}
			for (key in v) {
				if (!has(v, key)) continue;
				// Some servers hand new documents over with an empty _rev.
				if (key.charAt(0) === '_' && (v[key] === undefined || v[key] === null)) continue;
				var childPath = (path ? path + '.' : '') + key;
				if (has(properties, key)) {
					error = check(v[key], properties[key], baseId, childPath);
					if (error) return error;
				} else if (schema.additionalProperties === false && key.charAt(0) !== '_') {
					return childPath + ' 不是允许的字段';
				}
			}
		}
		return null;
	}
	var root = schemas[schemaId];
	if (!root) return '未知的文档结构 ' + schemaId;
	return check(value, root, schemaId, '');
}
