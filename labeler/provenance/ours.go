package provenance

import (
	"bytes"
	"encoding/xml"

	"github.com/belgi-kz/belgi/internal/xmltree"
)

// NSXMP is the XMP basic namespace (xmp:Thumbnails lives there).
const NSXMP = "http://ns.adobe.com/xap/1.0/"

// ours reports whether a property is one Belgi replaces. TC260 AIGC is
// replaced when a new one is written, or when it sits in a description
// that is Belgi's own (a record from an earlier labeling).
func ours(n xml.Name, m Mark, belgiDesc bool) bool {
	switch {
	case n.Space == NSBelgi:
		return true
	case n.Space == NSIptcExt && n.Local == "DigitalSourceType":
		return true
	case n.Space == NSTC260 && n.Local == "AIGC":
		return m.TC260 || belgiDesc
	case n.Space == NSXMP && n.Local == "Thumbnails":
		return true
	}
	return replacedAI(n, m, belgiDesc)
}

// isProperty reports whether an attribute of rdf:Description is a
// property, rather than a namespace declaration or an RDF attribute.
func isProperty(n xml.Name) bool {
	return n.Space != "xmlns" && !(n.Space == "" && n.Local == "xmlns") && n.Space != NSRDF &&
		n.Space != "http://www.w3.org/XML/1998/namespace"
}

// stripOurs removes the properties Belgi replaces from one
// rdf:Description, in attribute and element form; a description left
// with no property at all goes entirely.
func stripOurs(src []byte, d *xmltree.Element, m Mark, ed *xmltree.Edits) {
	if d.Name.Space != NSRDF || d.Name.Local != "Description" {
		return
	}
	belgiDesc := false
	for _, a := range d.Attrs {
		belgiDesc = belgiDesc || a.Name.Space == NSBelgi
	}
	removed, kept := 0, 0
	var cuts [][2]int
	for _, a := range d.Attrs {
		switch {
		case ours(a.Name, m, belgiDesc):
			cuts, removed = append(cuts, [2]int{a.Start, a.End}), removed+1
		case isProperty(a.Name):
			kept++
		}
	}
	for _, k := range d.Kids {
		if ours(k.Name, m, belgiDesc) {
			s, e := xmltree.WithSpace(src, k.Start, k.End)
			cuts, removed = append(cuts, [2]int{s, e}), removed+1
		} else {
			kept++
		}
	}
	if removed > 0 && kept == 0 {
		ed.Remove(xmltree.WithSpace(src, d.Start, d.End))
		return
	}
	for _, c := range cuts {
		ed.Remove(c[0], c[1])
	}
}

// locate finds where an XMP packet's root element starts in data: the
// first "<" that opens an element named xmpmeta or RDF, whatever its
// prefix. It returns -1 if there is none.
func locate(data []byte) int {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return -1
		}
		i += j + 1
		end := i
		for end < len(data) && end-i < 64 && !isSpace(data[end]) && data[end] != '>' && data[end] != '/' {
			end++
		}
		name := data[i:end]
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if end < len(data) && (string(name) == "xmpmeta" || string(name) == "RDF") {
			return i - 1
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
