package odt

import (
	"bytes"
	"strconv"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// ownStyles are the automatic styles a labeling adds and the next one
// replaces. The clones movePageStart makes are not among them: the
// paragraph after the notice keeps using its clone.
var ownStyles = map[string]bool{
	styleName: true, styleName + "_kk": true, styleName + "_ru": true, styleName + "_en": true,
}

// A document's first paragraph (or table) may start a page style: its
// automatic style names a master page, as LibreOffice writes when a page
// style is set, or breaks the page before it. Such a paragraph must not
// come second, or the notice would sit alone on a page of the default
// style. movePageStart gives the first element a copy of its style
// without the master page and the break, and returns the master page for
// the notice to start instead ("" when there is nothing to move).
func movePageStart(p *officezip.Part, first *xmltree.Element) string {
	first = leading(first)
	if first == nil {
		return ""
	}
	ref, st := styleOf(p, first)
	if st == nil {
		return ""
	}
	master, _ := st.Attr(nsStyle, "master-page-name")
	var drop []xmltree.Attr
	for _, a := range st.Attrs {
		if a.Name.Space == nsStyle && a.Name.Local == "master-page-name" {
			drop = append(drop, a)
		}
	}
	for _, k := range st.Kids {
		for _, a := range k.Attrs {
			if a.Name.Space == nsFO || a.Name.Space == nsFOOld {
				if a.Name.Local == "break-before" && a.Value != "auto" {
					drop = append(drop, a)
				}
			}
		}
	}
	if len(drop) == 0 {
		return ""
	}
	name := freeName(p, styleName+"Next")
	nameAttr, _ := st.AttrSpan(nsStyle, "name")
	clone := splice(p.Text, st.Start, st.End, drop, nameAttr, name)
	p.Ed.Insert(st.End, []byte(clone))
	setValue(p, ref, name)
	return master
}

// leading is the paragraph, heading or table that opens e: e itself, or
// for a section (Word's section breaks become them) its first one.
func leading(e *xmltree.Element) *xmltree.Element {
	for e != nil && e.Name.Space == nsText && e.Name.Local == "section" {
		var next *xmltree.Element
		for _, k := range e.Kids {
			if k.Name.Space != nsText || k.Name.Local != "section-source" {
				next = k
				break
			}
		}
		e = next
	}
	if e == nil || !(e.Name.Space == nsText && (e.Name.Local == "p" || e.Name.Local == "h") || e.Name.Space == nsTable && e.Name.Local == "table") {
		return nil
	}
	return e
}

// pageStart is the master page an earlier notice's style started.
func pageStart(p *officezip.Part, notice *xmltree.Element) string {
	if _, st := styleOf(p, notice); st != nil {
		m, _ := st.Attr(nsStyle, "master-page-name")
		return m
	}
	return ""
}

// styleOf finds the automatic style a paragraph, heading or table uses,
// with the attribute naming it; nil when it uses a common style or none.
func styleOf(p *officezip.Part, e *xmltree.Element) (xmltree.Attr, *xmltree.Element) {
	ns := nsText
	if e.Name.Space == nsTable {
		ns = nsTable
	}
	ref, ok := e.AttrSpan(ns, "style-name")
	if !ok {
		return ref, nil
	}
	for _, k := range p.Tree.Root.Kids {
		if k.Name.Space != nsOffice || k.Name.Local != "automatic-styles" {
			continue
		}
		for _, s := range k.Kids {
			if n, _ := s.Attr(nsStyle, "name"); s.Name.Space == nsStyle && s.Name.Local == "style" && n == ref.Value {
				return ref, s
			}
		}
	}
	return ref, nil
}

// freeName is base, or base with a number, that no style:name uses yet.
func freeName(p *officezip.Part, base string) string {
	used := map[string]bool{}
	p.Tree.Root.Walk(func(e *xmltree.Element) {
		if n, ok := e.Attr(nsStyle, "name"); ok {
			used[n] = true
		}
	})
	name := base
	for i := 2; used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}

// splice copies src[from:to] without the attributes drop and with the
// attribute rename's value set to value.
func splice(src []byte, from, to int, drop []xmltree.Attr, rename xmltree.Attr, value string) string {
	var b bytes.Buffer
	at := from
	for pos := from; pos < to; pos++ {
		for _, a := range drop {
			if a.Start == pos {
				b.Write(src[at:pos])
				at, pos = a.End, a.End-1
			}
		}
		if rename.Start == pos && rename.End > pos {
			b.Write(src[at:pos])
			b.WriteString(withValue(src, rename, value))
			at, pos = rename.End, rename.End-1
		}
	}
	b.Write(src[at:to])
	return b.String()
}

// withValue is an attribute's bytes (its leading space and qualified
// name as written) with a new value.
func withValue(src []byte, a xmltree.Attr, value string) string {
	raw := src[a.Start:a.End]
	eq := bytes.IndexByte(raw, '=')
	return string(raw[:eq+1]) + `"` + officezip.Escape(value) + `"`
}

// setValue changes an attribute's value in the part.
func setValue(p *officezip.Part, a xmltree.Attr, value string) {
	p.Ed.Insert(a.Start, []byte(withValue(p.Text, a, value)))
	p.Ed.Remove(a.Start, a.End)
}
