package docx

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/belgi-kz/belgi/internal/officezip"
	"github.com/belgi-kz/belgi/internal/xmltree"
)

// Custom-properties namespaces: for each namespace of the Properties
// element (transitional, strict), the matching variant-types namespace.
var customNS = map[string]string{
	"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
	"http://purl.oclc.org/ooxml/officeDocument/customProperties":              "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
}

// customNSFor is the Properties namespace for a new part.
var customNSFor = map[bool]string{
	false: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
	true:  "http://purl.oclc.org/ooxml/officeDocument/customProperties",
}

const (
	ctCustom = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	// fmtidUser is the format id every user-defined property carries.
	fmtidUser = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
)

var errNotCustom = errors.New("docProps/custom.xml is not a custom-properties part")

// newCustom is a custom-properties part holding only Belgi's properties.
func newCustom(n officezip.Notice, strict bool) []byte {
	ns := customNSFor[strict]
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<Properties xmlns="` + ns + `" xmlns:vt="` + customNS[ns] + `">` +
		properties("", customNS[ns], 2, n) + `</Properties>`)
}

// mergeCustom replaces Belgi's properties in an existing part and keeps
// every other property, attribute and namespace declaration as it was.
// An empty <Properties/> is opened to hold them.
func mergeCustom(p *officezip.Part, n officezip.Notice) error {
	root := p.Tree.Root
	vt := customNS[root.Name.Space]
	if root.Name.Local != "Properties" || vt == "" {
		return errNotCustom
	}
	pid := 1 // user pids start at 2
	for _, e := range root.Kids {
		name, _ := e.Attr("", "name")
		if name == officezip.PropDST || name == officezip.PropBelgi {
			p.Remove(e)
			continue
		}
		if v, err := strconv.Atoi(attrOr(e, "pid")); err == nil && v > pid {
			pid = v
		}
	}
	props := properties(root.Prefix(p.Text), vt, pid+1, n)
	p.Append(root, props)
	return nil
}

func attrOr(e *xmltree.Element, local string) string {
	v, _ := e.Attr("", local)
	return v
}

// properties writes Belgi's two string properties; the variant-types
// prefix is declared on each value, so it can't clash with the part's.
func properties(prefix, vt string, pid int, n officezip.Notice) string {
	el := officezip.Prefixed(prefix, "property")
	one := func(pid int, name, val string) string {
		return fmt.Sprintf(`<%s fmtid="%s" pid="%d" name="%s"><vt:lpwstr xmlns:vt="%s">%s</vt:lpwstr></%s>`,
			el, fmtidUser, pid, name, vt, officezip.Escape(val), el)
	}
	return one(pid, officezip.PropDST, n.DigitalSourceType) + one(pid+1, officezip.PropBelgi, n.Record)
}

// property reads a custom property's value, "" if absent.
func property(p *officezip.Part, name string) string {
	root := p.Tree.Root
	if customNS[root.Name.Space] == "" {
		return ""
	}
	for _, e := range root.Kids {
		if attrOr(e, "name") == name && len(e.Kids) > 0 {
			return officezip.InnerText(p.Text, e.Kids[0])
		}
	}
	return ""
}
