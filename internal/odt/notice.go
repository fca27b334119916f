package odt

import (
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// binds lists, for each prefix Belgi writes, the namespaces a document's
// own binding of it may name for the inserted markup to mean the same.
var binds = map[string][]string{
	"office": {nsOffice},
	"style":  {nsStyle},
	"text":   {nsText},
	"fo":     {nsFO, nsFOOld},
	"meta":   {nsMeta},
}

// decls declares on an inserted element each of prefixes that the part's
// root does not bind to its OpenDocument namespace already. Declaring
// locally is always correct; reusing the root's binding keeps the markup
// like the rest of the file (and an early file's W3C fo namespace).
func decls(p *officezip.Part, prefixes ...string) string {
	var b strings.Builder
	for _, pre := range prefixes {
		if v, ok := p.Tree.Root.Attr("xmlns", pre); ok && slices.Contains(binds[pre], v) {
			continue
		}
		fmt.Fprintf(&b, ` xmlns:%s="%s"`, pre, binds[pre][0])
	}
	return b.String()
}

// prelude names what office:text holds before its content (ODF's
// text-content-prelude): forms, tracked changes and declarations. The
// notice goes after them, before the first paragraph, heading or table.
var prelude = map[string]string{
	"forms":                             nsOffice,
	"tracked-changes":                   nsText,
	"variable-decls":                    nsText,
	"sequence-decls":                    nsText,
	"user-field-decls":                  nsText,
	"dde-connection-decls":              nsText,
	"alphabetical-index-auto-mark-file": nsText,
	"calculation-settings":              nsTable,
	"content-validations":               nsTable,
	"label-ranges":                      nsTable,
}

func inPrelude(e *xmltree.Element) bool { return prelude[e.Name.Local] == e.Name.Space }

// body finds office:body/office:text.
func body(p *officezip.Part) *xmltree.Element {
	for _, b := range p.Tree.Root.Kids {
		if b.Name.Space == nsOffice && b.Name.Local == "body" {
			for _, t := range b.Kids {
				if t.Name.Space == nsOffice && t.Name.Local == "text" {
					return t
				}
			}
		}
	}
	return nil
}

// firstContent is the text's first element after the prelude, nil if
// it has none.
func firstContent(t *xmltree.Element) *xmltree.Element {
	for _, k := range t.Kids {
		if !inPrelude(k) {
			return k
		}
	}
	return nil
}

// isNotice reports whether e is a paragraph holding Belgi's bookmark.
func isNotice(e *xmltree.Element) bool {
	if e == nil || e.Name.Space != nsText || e.Name.Local != "p" {
		return false
	}
	marked := false
	e.Walk(func(k *xmltree.Element) {
		if name, _ := k.Attr(nsText, "name"); k.Name.Space == nsText && k.Name.Local == "bookmark-start" && name == bookmark {
			marked = true
		}
	})
	return marked
}

// insertNotice puts the notice paragraph before the text's first content,
// replacing a notice an earlier labeling put there, and its styles into
// the automatic styles.
func insertNotice(p *officezip.Part, n officezip.Notice) error {
	t := body(p)
	if t == nil {
		return errors.New("the document has no office:text body to put the notice in")
	}
	para := paragraph(decls(p, "text"), n)
	first := firstContent(t)
	master := ""
	switch {
	case first == nil:
		p.Append(t, para)
	case isNotice(first):
		master = pageStart(p, first)
		p.Ed.Insert(first.Start, []byte(para))
		p.Ed.Remove(first.Start, first.End)
	default:
		master = movePageStart(p, first)
		p.Ed.Insert(first.Start, []byte(para))
	}
	addStyles(p, master)
	return nil
}

// Style names: the notice paragraph's, and one text style per language.
const styleName = "BelgiNotice"

// langs are the languages a notice line may be in, with their country.
var langs = map[string]string{"kk": "KZ", "ru": "RU", "en": "US"}

// paragraph is the notice: its lines, each in its language's span, with
// line breaks between, inside the bookmark.
func paragraph(decl string, n officezip.Notice) string {
	var b strings.Builder
	b.WriteString(`<text:p` + decl + ` text:style-name="` + styleName + `"><text:bookmark-start text:name="` + bookmark + `"/>`)
	for i, l := range n.Lines {
		if i > 0 {
			b.WriteString(`<text:line-break/>`)
		}
		if _, ok := langs[l.Lang]; !ok {
			b.WriteString(officezip.Escape(l.Text)) // no language style to name
			continue
		}
		b.WriteString(`<text:span text:style-name="` + styleName + "_" + l.Lang + `">` + officezip.Escape(l.Text) + `</text:span>`)
	}
	b.WriteString(`<text:bookmark-end text:name="` + bookmark + `"/></text:p>`)
	return b.String()
}

// styles are the notice's automatic styles: bold white Noto Sans on a
// near-black box with a yellow border (17:1 contrast, distinct from any
// body style), kept with the paragraph after it, starting the page style
// master when the text's first paragraph did, and a text style per
// language so spelling and hyphenation follow it. decl declares the
// prefixes on each style, as decls makes it ("" where an element around
// them declares them).
func styles(master, decl string) string {
	var b strings.Builder
	page := ""
	if master != "" {
		page = ` style:master-page-name="` + officezip.Escape(master) + `"`
	}
	b.WriteString(`<style:style` + decl + ` style:name="` + styleName + `" style:family="paragraph"` + page + `>` +
		`<style:paragraph-properties fo:background-color="#111111" fo:border="0.06cm solid #ffd400" fo:padding="0.12cm" fo:margin-top="0cm" fo:margin-bottom="0.42cm" fo:keep-with-next="always"/>` +
		`<style:text-properties fo:color="#ffffff" fo:font-family="'Noto Sans'" style:font-family-generic="swiss" fo:font-size="13pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>` +
		`</style:style>`)
	for _, lang := range []string{"en", "kk", "ru"} {
		fmt.Fprintf(&b, `<style:style%s style:name="%s_%s" style:family="text"><style:text-properties fo:language="%s" fo:country="%s"/></style:style>`,
			decl, styleName, lang, lang, langs[lang])
	}
	return b.String()
}

// addStyles adds the notice's styles to office:automatic-styles, made
// before office:body when the document has none, after removing those
// an earlier labeling added.
func addStyles(p *officezip.Part, master string) {
	root := p.Tree.Root
	var auto, bodyEl *xmltree.Element
	for _, k := range root.Kids {
		switch {
		case k.Name.Space == nsOffice && k.Name.Local == "automatic-styles":
			auto = k
		case k.Name.Space == nsOffice && k.Name.Local == "body":
			bodyEl = k
		}
	}
	if auto == nil {
		p.Ed.Insert(bodyEl.Start, []byte(`<office:automatic-styles`+decls(p, "office", "style", "fo")+`>`+styles(master, "")+`</office:automatic-styles>`))
		return
	}
	for _, s := range auto.Kids {
		if name, _ := s.Attr(nsStyle, "name"); ownStyles[name] {
			p.Remove(s)
		}
	}
	p.Append(auto, styles(master, decls(p, "style", "fo")))
}

// noticeText is the notice paragraph's text when it is the text's first
// content, "" when it is gone, emptied or moved.
func noticeText(p *officezip.Part) string {
	t := body(p)
	if t == nil {
		return ""
	}
	if first := firstContent(t); isNotice(first) {
		return strings.TrimSpace(paraText(p, first))
	}
	return ""
}

// paraText is a paragraph's text, with spaces for line breaks and tabs.
func paraText(p *officezip.Part, para *xmltree.Element) string {
	var b strings.Builder
	var walk func(e *xmltree.Element)
	walk = func(e *xmltree.Element) {
		at := e.TagEnd
		for _, k := range e.Kids {
			b.WriteString(charData(p.Text[at:k.Start]))
			switch {
			case k.Name.Space == nsText && (k.Name.Local == "line-break" || k.Name.Local == "tab" || k.Name.Local == "s"):
				b.WriteByte(' ')
			case k.Name.Space == nsOffice && k.Name.Local == "annotation", k.Name.Space == nsText && k.Name.Local == "note":
				// comments and footnotes are not the paragraph's text
			default:
				walk(k)
			}
			at = k.End
		}
		if !e.SelfClosed() {
			b.WriteString(charData(p.Text[at:e.CloseAt]))
		}
	}
	walk(para)
	return b.String()
}

// charData decodes the character data between two tags (the XML
// entities and character references are a subset of HTML's).
func charData(raw []byte) string { return html.UnescapeString(string(raw)) }

// paragraphs is the text of the body's paragraphs and headings, in order,
// skipping empty ones, at most max.
func paragraphs(p *officezip.Part, max int) []string {
	t := body(p)
	if t == nil {
		return nil
	}
	var out []string
	t.Walk(func(e *xmltree.Element) {
		if e.Name.Space == nsText && (e.Name.Local == "p" || e.Name.Local == "h") && len(out) < max {
			if s := strings.Join(strings.Fields(paraText(p, e)), " "); s != "" {
				out = append(out, s)
			}
		}
	})
	return out
}
