package odt

import (
	"errors"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// newMeta is a meta.xml holding only Belgi's properties, for a package
// that has none.
func newMeta(n officezip.Notice) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<office:document-meta xmlns:office="` + nsOffice + `" xmlns:meta="` + nsMeta + `" office:version="1.2"><office:meta>` +
		properties("", n) + `</office:meta></office:document-meta>`)
}

// officeMeta finds office:meta in a meta.xml.
func officeMeta(p *officezip.Part) *xmltree.Element {
	for _, k := range p.Tree.Root.Kids {
		if k.Name.Space == nsOffice && k.Name.Local == "meta" {
			return k
		}
	}
	return nil
}

// mergeMeta replaces Belgi's user-defined properties and keeps every
// other one as it was; a meta.xml without office:meta gets one.
func mergeMeta(p *officezip.Part, n officezip.Notice) error {
	root := p.Tree.Root
	if root.Name.Space != nsOffice || root.Name.Local != "document-meta" {
		return errNotMeta
	}
	m := officeMeta(p)
	if m == nil {
		p.Append(root, `<office:meta`+decls(p, "office")+`>`+properties(decls(p, "meta"), n)+`</office:meta>`)
		return nil
	}
	for _, e := range userDefined(m) {
		if name, _ := e.Attr(nsMeta, "name"); name == officezip.PropDST || name == officezip.PropBelgi {
			p.Remove(e)
		}
	}
	p.Append(m, properties(decls(p, "meta"), n))
	return nil
}

var errNotMeta = errors.New("meta.xml is not an OpenDocument metadata part")

// userDefined lists office:meta's meta:user-defined properties.
func userDefined(m *xmltree.Element) []*xmltree.Element {
	var out []*xmltree.Element
	for _, e := range m.Kids {
		if e.Name.Space == nsMeta && e.Name.Local == "user-defined" {
			out = append(out, e)
		}
	}
	return out
}

// properties writes Belgi's two string properties, each declaring the
// meta prefix when the part does not bind it.
func properties(decl string, n officezip.Notice) string {
	one := func(name, val string) string {
		return `<meta:user-defined` + decl + ` meta:name="` + name + `">` + officezip.Escape(val) + `</meta:user-defined>`
	}
	return one(officezip.PropDST, n.DigitalSourceType) + one(officezip.PropBelgi, n.Record)
}

// property reads a user-defined property's value, "" if absent.
func property(p *officezip.Part, name string) string {
	m := officeMeta(p)
	if m == nil {
		return ""
	}
	for _, e := range userDefined(m) {
		if v, _ := e.Attr(nsMeta, "name"); v == name {
			return officezip.InnerText(p.Text, e)
		}
	}
	return ""
}
