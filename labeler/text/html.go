package text

import (
	"html"
	"regexp"
	"strings"

	"github.com/belgi-kz/belgi/labeler"
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

var (
	metaRE    = regexp.MustCompile(`(?is)<meta\s[^>]*>`)
	attrRE    = regexp.MustCompile(`(?is)\b(name|content)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	noticeRE  = regexp.MustCompile(`(?is)<div\s[^>]*id="` + NoticeCueID + `"[^>]*>(.*?)</div>`)
	tagsRE    = regexp.MustCompile(`(?s)<[^>]*>`)
	charsetRE = regexp.MustCompile(`(?i)(charset\s*=\s*["']?)(windows-1251|cp-?1251|kz-1048|rk1048|strk1048-2002)`)
)

// inspectHTML reads Belgi's meta elements and checks the notice element
// still has text.
func inspectHTML(s string) (Mark, bool, bool) {
	var m Mark
	var found bool
	for _, tag := range metaRE.FindAllString(s, -1) {
		name, content := metaAttrs(tag)
		switch name {
		case MetaBelgi:
			m, found = ParseRecord(content)
		case strings.ToLower(MetaDST):
			if m.DigitalSourceType == "" {
				m.DigitalSourceType = content
			}
		}
	}
	notice := false
	if sub := noticeRE.FindStringSubmatch(s); sub != nil {
		notice = strings.TrimSpace(html.UnescapeString(tagsRE.ReplaceAllString(sub[1], ""))) != ""
	}
	return m, found, notice
}

func metaAttrs(tag string) (name, content string) {
	for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
		v := html.UnescapeString(a[2] + a[3])
		if strings.EqualFold(a[1], "name") {
			name = strings.ToLower(v)
		} else {
			content = v
		}
	}
	return name, content
}

// fixCharset rewrites a legacy charset declaration after conversion to
// UTF-8, or browsers would decode the new bytes as the old code page.
func fixCharset(s string) (string, bool) {
	out := charsetRE.ReplaceAllString(s, "${1}utf-8")
	return out, out != s
}

// htmlText is the visible text of a document, roughly, for previews.
func htmlText(s string) []string {
	if p := findPlaces(s); p.notice < len(s) {
		s = s[p.notice:]
	}
	for _, name := range []string{"script", "style"} {
		s = regexp.MustCompile(`(?is)<`+name+`\b.*?</`+name+`\s*>`).ReplaceAllString(s, "")
	}
	s = regexp.MustCompile(`(?i)<(br|/p|/div|/h[1-6]|/li|/tr)\b[^>]*>`).ReplaceAllString(s, "\n")
	s = html.UnescapeString(tagsRE.ReplaceAllString(s, ""))
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}
