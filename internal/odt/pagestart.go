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
	var master string
	var drop []xmltree.Attr
	if a, ok := st.AttrSpan(nsStyle, "master-page-name"); ok {
		master, drop = a.Value, append(drop, a)
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
	p.Ed.Insert(st.End, clone(p.Text, st, drop, name))
	setValue(&p.Ed, p.Text, 0, ref, name)
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

// clone is style st's bytes without the attributes drop, named name.
func clone(src []byte, st *xmltree.Element, drop []xmltree.Attr, name string) []byte {
	var ed xmltree.Edits
	for _, a := range drop {
		ed.Remove(a.Start-st.Start, a.End-st.Start)
	}
	if n, ok := st.AttrSpan(nsStyle, "name"); ok {
		setValue(&ed, src, st.Start, n, name)
	}
	return ed.Apply(src[st.Start:st.End])
}

// withValue is an attribute's bytes (its leading space and qualified
// name as written) with a new value.
func withValue(src []byte, a xmltree.Attr, value string) string {
	raw := src[a.Start:a.End]
	eq := bytes.IndexByte(raw, '=')
	return string(raw[:eq+1]) + `"` + officezip.Escape(value) + `"`
}

// setValue changes attribute a's value in src by edits on src[base:].
func setValue(ed *xmltree.Edits, src []byte, base int, a xmltree.Attr, value string) {
	ed.Insert(a.Start-base, []byte(withValue(src, a, value)))
	ed.Remove(a.Start-base, a.End-base)
}
