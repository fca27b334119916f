package docx

import (
	"encoding/xml"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Namespaces of WordprocessingML, transitional and strict.
var wNamespaces = []string{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
}

// bookmark marks the notice paragraph; the leading "_" hides it from
// Word's bookmark list.
const bookmark = "_BelgiNotice"

// insertNotice adds the notice paragraph as the body's first child.
func insertNotice(document string, n Notice) (string, error) {
	p := wPrefix(document)
	if p == "" {
		return "", fmt.Errorf("the main document part is not WordprocessingML")
	}
	loc := regexp.MustCompile(`<` + regexp.QuoteMeta(p) + `:body(\s[^>]*)?>`).FindStringIndex(document)
	if loc == nil {
		return "", fmt.Errorf("the document has no body to put the notice in")
	}
	para := paragraph(p, n, nextID(document))
	return document[:loc[1]] + para + document[loc[1]:], nil
}

// wPrefix finds the prefix the document binds to WordprocessingML
// (almost always "w", but nothing requires it).
func wPrefix(document string) string {
	for _, ns := range wNamespaces {
		re := regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)="` + regexp.QuoteMeta(ns) + `"`)
		if m := re.FindStringSubmatch(document); m != nil {
			return m[1]
		}
	}
	return ""
}

var idRE = regexp.MustCompile(`:id="(\d+)"`)

// nextID is a bookmark id no other bookmark or annotation uses.
func nextID(document string) int {
	id := 0
	for _, m := range idRE.FindAllStringSubmatch(document, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= id {
			id = n + 1
		}
	}
	return id
}

var wordLang = map[string]string{"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}

// paragraph is bold white text on a near-black shaded box with a yellow
// border: distinct from any body style, 17:1 contrast, in Noto Sans
// where installed (Word substitutes a Cyrillic font otherwise).
func paragraph(p string, n Notice, id int) string {
	w := func(s string) string { return strings.ReplaceAll(s, "w:", p+":") }
	var b strings.Builder
	b.WriteString(w(`<w:p><w:pPr><w:keepNext/><w:pBdr>`))
	for _, side := range []string{"top", "left", "bottom", "right"} {
		b.WriteString(w(`<w:` + side + ` w:val="single" w:sz="18" w:space="4" w:color="FFD400"/>`))
	}
	b.WriteString(w(`</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="111111"/><w:spacing w:before="0" w:after="240"/></w:pPr>`))
	fmt.Fprintf(&b, w(`<w:bookmarkStart w:id="%d" w:name="%s"/>`), id, bookmark)
	for i, l := range n.Lines {
		if i > 0 {
			b.WriteString(w(`<w:r><w:br/></w:r>`))
		}
		b.WriteString(w(`<w:r><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans"/><w:b/><w:color w:val="FFFFFF"/><w:sz w:val="26"/><w:lang w:val="` + wordLang[l.Lang] + `"/></w:rPr><w:t xml:space="preserve">`))
		b.WriteString(escape(l.Text))
		b.WriteString(w(`</w:t></w:r>`))
	}
	fmt.Fprintf(&b, w(`<w:bookmarkEnd w:id="%d"/></w:p>`), id)
	return b.String()
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

var (
	noticeRE = regexp.MustCompile(`(?s):name="` + bookmark + `"/>(.*?)<[\w.-]+:bookmarkEnd`)
	paraRE   = regexp.MustCompile(`(?s)<[\w.-]+:p[ >].*?</[\w.-]+:p>`)
	textRE   = regexp.MustCompile(`(?s)<[\w.-]+:t(?:\s[^>]*)?>(.*?)</[\w.-]+:t>`)
)

// noticeText is the text inside the notice bookmark, "" if it is gone.
func noticeText(document string) string {
	m := noticeRE.FindStringSubmatch(document)
	if m == nil {
		return ""
	}
	return runText(m[1])
}

func runText(x string) string {
	var parts []string
	for _, m := range textRE.FindAllStringSubmatch(x, -1) {
		parts = append(parts, html.UnescapeString(m[1]))
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}
