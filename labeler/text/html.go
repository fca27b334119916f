package text

import (
	"strings"

	"github.com/belgi-kz/belgi/labeler"
	"golang.org/x/net/html"
)

// Meta names Belgi writes into <head>. The first names the IPTC property
// (as XMP spells it) with the NewsCode URI, so any crawler that knows IPTC
// can read it; the second carries Belgi's record.
const (
	MetaDST   = "Iptc4xmpExt:DigitalSourceType"
	MetaBelgi = "belgi"
)

// noticeStyle is inline and !important so that no site stylesheet can
// shrink, hide or recolour the notice; the colours give 17:1 contrast.
const (
	noticeStyle = "display:block!important;visibility:visible!important;opacity:1!important;" +
		"position:static!important;box-sizing:border-box!important;margin:0 0 1em 0!important;" +
		"padding:.75em 1em!important;background:#111111!important;color:#ffffff!important;" +
		"border:3px solid #ffd400!important;font:bold 18px/1.4 'Noto Sans',Arial,sans-serif!important;" +
		"text-align:left!important;clip-path:none!important;transform:none!important"
	lineStyle = "display:block!important;visibility:visible!important;margin:0!important;" +
		"color:#ffffff!important;font:inherit!important"
)

// labelHTML inserts two <meta> elements before </head> and the notice as
// the first thing inside <body>; every other byte stays where it was.
func labelHTML(s string, spec labeler.Spec, nl string) string {
	p := findPlaces(s)
	meta := nl + `<meta name="` + MetaDST + `" content="` + spec.DigitalSourceType() + `" />` + nl +
		`<meta name="` + MetaBelgi + `" content="` + html.EscapeString(Record(spec, layers)) + `" />` + nl
	notice := nl + noticeHTML(spec, nl) + nl
	return s[:p.meta] + meta + s[p.meta:p.notice] + notice + s[p.notice:]
}

func noticeHTML(spec labeler.Spec, nl string) string {
	var b strings.Builder
	b.WriteString(`<div id="` + NoticeCueID + `" role="note" aria-label="AI notice" style="` + noticeStyle + `">` + nl)
	for _, w := range spec.Wordings() {
		for _, line := range []string{w.Notice, w.Person} {
			if line != "" {
				b.WriteString(`<p lang="` + string(w.Lang) + `" style="` + lineStyle + `">` + html.EscapeString(line) + "</p>" + nl)
			}
		}
	}
	b.WriteString("</div>")
	return b.String()
}

// inspectHTML reads Belgi's meta elements and checks that the notice
// element is the first content of the body and has text.
func inspectHTML(s string) (Mark, bool, bool) {
	var m Mark
	var found bool
	scanHTML(s, func(t htmlToken) bool {
		if !t.opens("meta") {
			return true
		}
		switch strings.ToLower(t.attrs["name"]) {
		case MetaBelgi:
			m, found = ParseRecord(t.attrs["content"])
		case strings.ToLower(MetaDST):
			if m.DigitalSourceType == "" {
				m.DigitalSourceType = t.attrs["content"]
			}
		}
		return true
	})
	return m, found, noticeFirst(s)
}

// headOnly are elements that may stand before a fragment's notice: what
// Belgi itself puts there (meta) and what a head holds; none shows.
var headOnly = map[string]bool{"meta": true, "link": true, "base": true, "title": true, "style": true, "script": true, "noscript": true}

// noticeFirst reports whether the body (or the fragment) starts with the
// notice element, holding text: only white space, comments and elements
// that show nothing may come before it.
func noticeFirst(s string) bool {
	from := findPlaces(s).notice
	depth, ok := 0, false
	skip := ""
	var text strings.Builder
	scanHTML(s[from:], func(t htmlToken) bool {
		switch {
		case skip != "":
			if t.closes(skip) {
				skip = ""
			}
			return true
		case depth == 0 && (t.typ == html.CommentToken || t.typ == html.TextToken && isSpaceText(s[from+t.start:from+t.end])):
			return true
		case depth == 0 && headOnly[t.name] && t.typ != html.EndTagToken:
			if t.typ == html.StartTagToken && t.name != "meta" && t.name != "link" && t.name != "base" {
				skip = t.name
			}
			return true
		case depth == 0:
			ok = t.opens("div") && t.attrs["id"] == NoticeCueID
			depth = 1
			return ok
		case t.opens("div"):
			depth++
		case t.closes("div"):
			depth--
		case t.typ == html.TextToken:
			text.WriteString(html.UnescapeString(s[from+t.start : from+t.end]))
		}
		return depth > 0
	})
	return ok && strings.TrimSpace(text.String()) != ""
}

// blockEnds are the end tags after which previews start a new line.
var blockEnds = map[string]bool{"p": true, "div": true, "li": true, "tr": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// htmlText is the visible text of a document, roughly, for previews.
func htmlText(s string) []string {
	if p := findPlaces(s); p.notice < len(s) {
		s = s[p.notice:]
	}
	var b strings.Builder
	skip := 0
	scanHTML(s, func(t htmlToken) bool {
		switch {
		case t.opens("script") || t.opens("style"):
			skip++
		case t.closes("script") || t.closes("style"):
			skip = max(0, skip-1)
		case t.opens("br") || t.typ == html.EndTagToken && blockEnds[t.name]:
			b.WriteByte('\n')
		case t.typ == html.TextToken && skip == 0:
			b.WriteString(html.UnescapeString(s[t.start:t.end]))
		}
		return true
	})
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}
