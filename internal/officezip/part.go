package officezip

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/internal/xmltree"
)

// Part is one XML part of the package, parsed, with the edits a labeler
// makes to it. Its Text is UTF-8; enc is how it goes back into the zip.
// Edits are insertions and removals at the offsets Tree gives, so
// everything they do not touch stays byte for byte as it was.
type Part struct {
	Name string
	Text []byte
	Tree *xmltree.Tree
	Ed   xmltree.Edits
	enc  xmltree.Encoding
}

// ParsePart reads an XML part through the tokenizer.
func ParsePart(name string, raw []byte) (*Part, error) {
	text, enc, err := xmltree.Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t, err := xmltree.Parse(text, 0, true)
	if err != nil {
		return nil, fmt.Errorf("%s is not well-formed XML: %w", name, err)
	}
	return &Part{Name: name, Text: text, Tree: t, enc: enc}, nil
}

// ReadXML reads and parses a zip entry as an XML part.
func ReadXML(f *zip.File) (*Part, error) {
	raw, err := ReadPart(f)
	if err != nil {
		return nil, err
	}
	return ParsePart(f.Name, raw)
}

// Bytes is the part with its edits made, in its original encoding.
func (p *Part) Bytes() []byte { return xmltree.Encode(p.Ed.Apply(p.Text), p.enc) }

// Remove drops an element and the white space before it.
func (p *Part) Remove(e *xmltree.Element) { p.Ed.Remove(xmltree.WithSpace(p.Text, e.Start, e.End)) }

// Append adds content as the last child of e.
func (p *Part) Append(e *xmltree.Element, content string) {
	xmltree.Open(p.Text, e, []byte(content), false, &p.Ed)
}

// Prepend adds content as the first child of e.
func (p *Part) Prepend(e *xmltree.Element, content string) {
	xmltree.Open(p.Text, e, []byte(content), true, &p.Ed)
}

// Prefixed writes a qualified name with the prefix an element in scope
// uses for the same namespace.
func Prefixed(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// InnerText is the character data inside an element, entities decoded.
func InnerText(src []byte, e *xmltree.Element) string {
	d := xml.NewDecoder(bytes.NewReader(src[e.Start:e.End]))
	d.Strict = false
	var b strings.Builder
	for {
		tok, err := d.RawToken()
		if err == io.EOF || err != nil {
			return b.String()
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
		}
	}
}

// escape makes s safe as XML text or a double-quoted attribute value.
func Escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

// WellFormed reads a whole XML document (any encoding Decode knows).
func WellFormed(raw []byte) error {
	text, _, err := xmltree.Decode(raw)
	if err != nil {
		return err
	}
	_, err = xmltree.Parse(text, 0, true)
	return err
}
