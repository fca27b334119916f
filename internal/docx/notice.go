package docx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// Namespaces of WordprocessingML, transitional and strict.
var wNamespaces = []string{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
}

// bookmark marks the notice paragraph; the leading "_" hides it from
// Word's bookmark list.
const bookmark = "_BelgiNotice"

// body finds the document's w:body and its namespace.
func body(p *officezip.Part) (*xmltree.Element, string) {
	for _, ns := range wNamespaces {
		if b := p.Tree.Root.Find(ns, "body"); b != nil {
			return b, ns
		}
	}
	return nil, ""
}

// insertNotice adds the notice paragraph as the body's first child, in
// place of the notice an earlier labeling put there (relabeling after a
// change of wording must not stack two).
func insertNotice(p *officezip.Part, n officezip.Notice) error {
	b, ns := body(p)
	if b == nil {
		return errors.New("the document has no WordprocessingML body to put the notice in")
	}
	prefix, decl := b.Prefix(p.Text), ""
	if prefix == "" {
		prefix, decl = "w", ` xmlns:w="`+ns+`"`
	}
	para := paragraph(prefix, decl, n, nextID(p, ns))
	if old := ownNotice(b, ns); old != nil {
		p.Ed.Insert(old.Start, []byte(para))
		p.Ed.Remove(old.Start, old.End)
		return nil
	}
	p.Prepend(b, para)
	return nil
}

// ownNotice is the body's first paragraph when it is Belgi's notice.
func ownNotice(b *xmltree.Element, ns string) *xmltree.Element {
	if len(b.Kids) == 0 {
		return nil
	}
	first := b.Kids[0]
	if first.Name.Space != ns || first.Name.Local != "p" {
		return nil
	}
	marked := false
	first.Walk(func(e *xmltree.Element) {
		if name, _ := e.Attr(ns, "name"); e.Name.Local == "bookmarkStart" && name == bookmark {
			marked = true
		}
	})
	if !marked {
		return nil
	}
	return first
}

// nextID is a bookmark id no other bookmark or annotation uses.
func nextID(p *officezip.Part, ns string) int {
	id := 0
	p.Tree.Root.Walk(func(e *xmltree.Element) {
		if v, ok := e.Attr(ns, "id"); ok {
			if n, err := strconv.Atoi(v); err == nil && n >= id {
				id = n + 1
			}
		}
	})
	return id
}

var wordLang = map[string]string{"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}

// paragraph is bold white text on a near-black shaded box with a yellow
// border: distinct from any body style, 17:1 contrast, in Noto Sans
// where installed (Word substitutes a Cyrillic font otherwise).
func paragraph(p, decl string, n officezip.Notice, id int) string {
	w := func(s string) string { return strings.ReplaceAll(s, "w:", p+":") }
	var b strings.Builder
	b.WriteString(w(`<w:p`) + decl + w(`><w:pPr><w:keepNext/><w:pBdr>`))
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
		b.WriteString(officezip.Escape(l.Text))
		b.WriteString(w(`</w:t></w:r>`))
	}
	fmt.Fprintf(&b, w(`<w:bookmarkEnd w:id="%d"/></w:p>`), id)
	return b.String()
}

// noticeText is the text of the notice paragraph when it is the body's
// first child, "" when it is gone, emptied or moved.
func noticeText(p *officezip.Part) string {
	b, ns := body(p)
	if b == nil {
		return ""
	}
	if first := ownNotice(b, ns); first != nil {
		return strings.TrimSpace(paraText(p, first, ns))
	}
	return ""
}

// paraText joins the text runs of a paragraph.
func paraText(p *officezip.Part, para *xmltree.Element, ns string) string {
	var b strings.Builder
	para.Walk(func(e *xmltree.Element) {
		if e.Name.Space == ns && e.Name.Local == "t" {
			b.WriteString(officezip.InnerText(p.Text, e))
		}
		if e.Name.Space == ns && (e.Name.Local == "br" || e.Name.Local == "tab") {
			b.WriteByte(' ')
		}
	})
	return b.String()
}

// paragraphs is the text of the body's paragraphs, in order, skipping
// empty ones, at most max.
func paragraphs(p *officezip.Part, max int) []string {
	b, ns := body(p)
	var out []string
	if b == nil {
		return nil
	}
	b.Walk(func(e *xmltree.Element) {
		if e.Name.Space == ns && e.Name.Local == "p" && len(out) < max {
			if t := strings.TrimSpace(paraText(p, e, ns)); t != "" {
				out = append(out, t)
			}
		}
	})
	return out
}
