// The answer allowlist of src/lib/knowledge/editor/sanitize-html.ts, checked again by the server (ES5: it
// runs inside validate_doc_update, on Apache CouchDB too). Rather than parse HTML as a browser would, it
// accepts only the text DOMPurify serializes: lower-case allowed tags, their few attributes double-quoted,
// and no other "<", so comments, CDATA, unquoted attributes and markup hidden in odd spellings are refused.
/* global forbid -- defined in roles.js, spliced into the same function */

/** Null when the answer HTML is within the allowlist, otherwise why not (in Chinese). */
function answerHtmlProblem(html) {
	// As ALLOWED_TAGS in sanitize-html.ts; br and hr have no end tag.
	var ELEMENTS = ' p h2 h3 h4 strong b em i u s ul ol li table thead tbody tr th td a blockquote ';
	var VOID_ELEMENTS = ' br hr ';
	var SAFE_LINK = /^(?:https?|mailto|tel):/i;
	var CELL_SPAN = /^[1-9][0-9]{0,2}$/;
	// HTML's whitespace, not JavaScript's \s (a no-break space does not separate attributes in HTML).
	var TAG = /<(\/?)([a-z][a-z0-9]*)((?:[\t\n\f\r ]+[a-z]+="[^"]*")*)>/g;
	var ATTRIBUTE = /[\t\n\f\r ]+([a-z]+)="([^"]*)"/g;
	var TAG_NAME = /^<\/?([a-z][a-z0-9]*)/;

	function isElement(tag) {
		return ELEMENTS.indexOf(' ' + tag + ' ') !== -1 || VOID_ELEMENTS.indexOf(' ' + tag + ' ') !== -1;
	}

	function attributeProblem(tag, name, value) {
		if (tag === 'a') {
			if (name === 'href')
				return SAFE_LINK.test(value) ? null : '链接地址只能以 http:、https:、mailto: 或 tel: 开头';
			if (name === 'target') return value === '_blank' ? null : '链接的 target 只能是 _blank';
			if (name === 'rel')
				return value === 'noopener noreferrer' ? null : '链接的 rel 只能是 noopener noreferrer';
		}
		if ((tag === 'td' || tag === 'th') && (name === 'colspan' || name === 'rowspan'))
			return CELL_SPAN.test(value) ? null : '单元格的 ' + name + ' 只能是 1 到 3 位数字';
		return '<' + tag + '> 不允许带属性 ' + name;
	}

	function tagProblem(closing, tag, attributes) {
		if (closing) {
			if (attributes) return '结束标签 </' + tag + '> 不能带属性';
			return VOID_ELEMENTS.indexOf(' ' + tag + ' ') !== -1 ? '<' + tag + '> 没有结束标签' : null;
		}
		var seen = {};
		var match;
		ATTRIBUTE.lastIndex = 0;
		while ((match = ATTRIBUTE.exec(attributes))) {
			var name = match[1];
			if (seen[name] === true) return '<' + tag + '> 的属性 ' + name + ' 重复';
			seen[name] = true;
			var problem = attributeProblem(tag, name, match[2]);
			if (problem) return problem;
		}
		return null;
	}

	if (typeof html !== 'string') return '答案应为文本';
	var position = 0;
	for (;;) {
		var open = html.indexOf('<', position);
		if (open === -1) return null;
		var name = TAG_NAME.exec(html.slice(open, open + 20));
		if (name && !isElement(name[1])) return '不允许的标签 <' + name[1] + '>';
		TAG.lastIndex = open;
		var tag = TAG.exec(html);
		if (!tag || tag.index !== open)
			return '不允许的标记「' + html.slice(open, open + 30) + '」（注释、未加双引号的属性或未转义的 <）';
		var problem = tagProblem(tag[1] === '/', tag[2], tag[3]);
		if (problem) return problem;
		position = TAG.lastIndex;
	}
}

// Pages show an entry's answer, its pending revision's and each published version's as HTML.
function checkAnswerHtml(doc) {
	var problem = answerHtmlProblem(doc.answerHtml);
	if (problem) forbid('答案含有不允许的 HTML: ' + problem);
	if (doc.revision) {
		problem = answerHtmlProblem(doc.revision.answerHtml);
		if (problem) forbid('修订稿的答案含有不允许的 HTML: ' + problem);
	}
}
