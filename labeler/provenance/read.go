package provenance

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// Read parses an XMP packet (or any bytes holding one) and reports the
// provenance it carries. Unparseable input yields an empty Found.
func Read(packet []byte) Found {
	var f Found
	body := Extract(packet)
	if body == nil {
		return f
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	var inDST bool
	for {
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			return f
		}
		switch t := tok.(type) {
		case xml.StartElement:
			f.attrs(t.Attr)
			inDST = t.Name.Space == NSIptcExt && t.Name.Local == "DigitalSourceType"
			if inDST {
				for _, a := range t.Attr {
					if a.Name.Space == NSRDF && a.Name.Local == "resource" {
						f.DigitalSourceType = a.Value
					}
				}
			}
		case xml.CharData:
			if inDST && f.DigitalSourceType == "" {
				f.DigitalSourceType = strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			inDST = false
		}
	}
}

func (f *Found) attrs(attrs []xml.Attr) {
	for _, a := range attrs {
		switch {
		case a.Name.Space == NSIptcExt && a.Name.Local == "DigitalSourceType":
			f.DigitalSourceType = a.Value
		case a.Name.Space == NSBelgi:
			f.Belgi = true
			switch a.Name.Local {
			case "Layers":
				f.Layers = splitList(a.Value)
			case "Languages":
				f.Langs = splitList(a.Value)
			case "Tool":
				f.Tool = a.Value
			}
		case a.Name.Space == NSTC260 && a.Name.Local == "AIGC":
			f.TC260 = a.Value
		}
	}
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Extract finds the first x:xmpmeta (or bare rdf:RDF) element in data, so
// that a packet can be read from any container without parsing it.
func Extract(data []byte) []byte {
	for _, tag := range [][2]string{{"<x:xmpmeta", "</x:xmpmeta>"}, {"<rdf:RDF", "</rdf:RDF>"}} {
		i := bytes.Index(data, []byte(tag[0]))
		if i < 0 {
			continue
		}
		j := bytes.Index(data[i:], []byte(tag[1]))
		if j < 0 {
			continue
		}
		return data[i : i+j+len(tag[1])]
	}
	return nil
}
