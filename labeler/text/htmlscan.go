package text

import (
	"strings"

	"golang.org/x/net/html"
)

// htmlToken is one token of a document, with its byte range, so that
// labeling can insert at token boundaries and keep every other byte.
type htmlToken struct {
	typ        html.TokenType
	name       string // lower-case tag name, "" for text and comments
	attrs      map[string]string
	start, end int // s[start:end] is the token's source
}

// scanHTML calls visit for each token until visit returns false. It uses
// the HTML5 tokenizer of golang.org/x/net/html, so comments, doctypes
// and the raw text of script, style, textarea and title are never
// mistaken for tags. It reads the document, never rewrites it.
func scanHTML(s string, visit func(htmlToken) bool) {
	z := html.NewTokenizer(strings.NewReader(s))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		t := htmlToken{typ: tt, start: pos}
		pos += len(z.Raw())
		t.end = pos
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			name, more := z.TagName()
			t.name = string(name)
			t.attrs = tagAttrs(z, more)
		}
		if !visit(t) {
			return
		}
	}
}

func tagAttrs(z *html.Tokenizer, more bool) map[string]string {
	attrs := map[string]string{}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if _, dup := attrs[string(k)]; !dup { // the first wins, as browsers do
			attrs[string(k)] = string(v)
		}
	}
	return attrs
}

func (t htmlToken) opens(name string) bool {
	return (t.typ == html.StartTagToken || t.typ == html.SelfClosingTagToken) && t.name == name
}

func (t htmlToken) closes(name string) bool { return t.typ == html.EndTagToken && t.name == name }

// htmlPlaces are the insertion points of a document: where the metadata
// goes (before </head>) and where the notice goes (first inside <body>).
type htmlPlaces struct {
	meta, notice int
}

// findPlaces copes with documents that omit <head>, <body> or <html>, as
// HTML allows, and with fragments: the notice then goes where the body's
// content would start — after the doctype, <html>, and the head.
func findPlaces(s string) htmlPlaces {
	headEnd, headCloseEnd, bodyStart, lead := -1, -1, -1, 0
	leading := true
	scanHTML(s, func(t htmlToken) bool {
		switch {
		case t.opens("body"):
			bodyStart = t.end
			if headEnd < 0 {
				headEnd = t.start
			}
			return false
		case t.closes("head"):
			headEnd, headCloseEnd = t.start, t.end
		case leading && (t.typ == html.DoctypeToken || t.opens("html") || t.opens("head") || isSpaceText(s[t.start:t.end]) ||
			t.typ == html.CommentToken && lead == 0 && strings.HasSuffix(s[t.start:t.end], "-->")):
			lead = t.end
		default:
			leading = false
		}
		return true
	})
	if headEnd < 0 {
		headEnd = lead
	}
	if bodyStart < 0 {
		bodyStart = max(headCloseEnd, headEnd)
	}
	return htmlPlaces{meta: headEnd, notice: bodyStart}
}

func isSpaceText(s string) bool { return strings.TrimSpace(s) == "" }
