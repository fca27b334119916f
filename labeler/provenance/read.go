package provenance

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/internal/xmltree"
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
			case "Notice":
				f.Notice = splitLines(a.Value)
			case "RealPerson":
				f.RealPerson = a.Value == "True"
			case "CustomNotice":
				f.CustomNotice = a.Value == "True"
			}
		case a.Name.Space == NSTC260 && a.Name.Local == "AIGC":
			f.TC260 = a.Value
		}
	}
	f.region(attrs)
}

// region reads the label region Belgi records, when both fields are on
// this element and well-formed.
func (f *Found) region(attrs []xml.Attr) {
	var rect, cells string
	for _, a := range attrs {
		if a.Name.Space == NSBelgi && a.Name.Local == "LabelRegion" {
			rect = a.Value
		}
		if a.Name.Space == NSBelgi && a.Name.Local == "LabelCells" {
			cells = a.Value
		}
	}
	if rect == "" {
		return
	}
	if r, err := ParseRegion(rect, cells); err == nil {
		f.Region = &r
	}
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
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

// Extract returns the first XMP root element (x:xmpmeta, or a bare
// rdf:RDF, under any prefix) in data, up to its matching end tag as an
// XML tokenizer finds it, so that a packet can be read from any
// container. A packet that is not well-formed is read leniently; nil if
// there is none.
func Extract(data []byte) []byte {
	at := locate(data)
	if at < 0 {
		return nil
	}
	for _, strict := range []bool{true, false} {
		if t, err := xmltree.Parse(data, at, strict); err == nil {
			return data[at:t.Root.End]
		}
	}
	return nil
}
