package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/belgi-kz/belgi/internal/xmltree"
)

// part is one XML part of the package, parsed, with the edits Label
// makes to it. Its text is UTF-8; enc is how it goes back into the zip.
type part struct {
	name string
	text []byte
	enc  xmltree.Encoding
	tree *xmltree.Tree
	ed   xmltree.Edits
}

// parsePart reads an XML part through the tokenizer.
func parsePart(name string, raw []byte) (*part, error) {
	text, enc, err := xmltree.Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t, err := xmltree.Parse(text, 0, true)
	if err != nil {
		return nil, fmt.Errorf("%s is not well-formed XML: %w", name, err)
	}
	return &part{name: name, text: text, enc: enc, tree: t}, nil
}

func readXML(f *zip.File) (*part, error) {
	raw, err := readPart(f)
	if err != nil {
		return nil, err
	}
	return parsePart(f.Name, raw)
}

// bytes is the part with its edits made, in its original encoding.
func (p *part) bytes() []byte { return xmltree.Encode(p.ed.Apply(p.text), p.enc) }

// prefixed writes a qualified name with the prefix an element in scope
// uses for the same namespace.
func prefixed(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// innerText is the character data inside an element, entities decoded.
func innerText(src []byte, e *xmltree.Element) string {
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
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

// wellFormed reads a whole XML document (any encoding Decode knows).
func wellFormed(raw []byte) error {
	text, _, err := xmltree.Decode(raw)
	if err != nil {
		return err
	}
	_, err = xmltree.Parse(text, 0, true)
	return err
}
