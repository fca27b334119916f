package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Element is one element: its resolved name, attributes and children,
// and byte offsets into the source.
type Element struct {
	Name    xml.Name
	Start   int // the "<" of the start tag
	TagEnd  int // just past the start tag's ">"
	CloseAt int // where the end tag starts (TagEnd when self-closed)
	End     int // just past the end tag
	Attrs   []Attr
	Kids    []*Element
	Parent  *Element
}

// Attr is an attribute with its resolved name and value, and its bytes
// in the start tag, leading white space included, so that removing it
// leaves the tag tidy.
type Attr struct {
	Name       xml.Name
	Value      string
	Start, End int
}

// Tree is a parsed element and everything inside it.
type Tree struct {
	Src  []byte
	Root *Element
}

// ErrNoRoot is returned when the source ends before an element closes.
var ErrNoRoot = errors.New("xml: no complete element")

// maxDepth bounds nesting; Office and XMP stay far below it.
const maxDepth = 512

// Parse reads the element that starts at src[at] (or the first element
// after it: a declaration, comments and white space may come first).
// Offsets are positions in src. With strict false it accepts what
// encoding/xml's non-strict mode accepts, for reading damaged data.
func Parse(src []byte, at int, strict bool) (*Tree, error) {
	d := xml.NewDecoder(bytes.NewReader(src[at:]))
	d.Strict = strict
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); strings.HasPrefix(l, "utf-16") || l == "utf-8" || l == "utf8" {
			return r, nil // already UTF-8: see Decode
		}
		return nil, errors.New("xml: unsupported encoding " + label)
	}
	t := &Tree{Src: src}
	var cur *Element
	depth := 0
	for {
		start := at + int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			return nil, ErrNoRoot
		}
		if err != nil {
			return nil, err
		}
		end := at + int(d.InputOffset())
		switch v := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return nil, errors.New("xml: elements nested too deeply")
			}
			e := &Element{Name: v.Name, Start: start, TagEnd: end, Parent: cur}
			e.Attrs = attrSpans(src[start:end], start, v.Attr)
			if cur != nil {
				cur.Kids = append(cur.Kids, e)
			} else {
				t.Root = e
			}
			cur = e
		case xml.EndElement:
			depth--
			cur.CloseAt, cur.End = start, end
			if cur = cur.Parent; cur == nil {
				return t, nil
			}
		}
	}
}

// attrSpans pairs the decoder's attributes (resolved names, in source
// order) with their byte ranges in the raw start tag.
func attrSpans(tag []byte, base int, resolved []xml.Attr) []Attr {
	out := make([]Attr, 0, len(resolved))
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++ // the element name
	}
	for n := 0; n < len(resolved); n++ {
		s := i
		eq := bytes.IndexByte(tag[i:], '=')
		if eq < 0 {
			return out
		}
		i += eq + 1
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) {
			return out
		}
		closeQ := bytes.IndexByte(tag[i+1:], tag[i])
		if closeQ < 0 {
			return out
		}
		i += closeQ + 2
		out = append(out, Attr{Name: resolved[n].Name, Value: resolved[n].Value, Start: base + s, End: base + i})
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Find returns the first element, depth first from e, with the name.
func (e *Element) Find(space, local string) *Element {
	if e.Name.Space == space && e.Name.Local == local {
		return e
	}
	for _, k := range e.Kids {
		if f := k.Find(space, local); f != nil {
			return f
		}
	}
	return nil
}

// Walk calls visit for e and every element inside it, in order.
func (e *Element) Walk(visit func(*Element)) {
	visit(e)
	for _, k := range e.Kids {
		k.Walk(visit)
	}
}

// Attr returns the value of an attribute with a resolved name.
func (e *Element) Attr(space, local string) (string, bool) {
	a, ok := e.AttrSpan(space, local)
	return a.Value, ok
}

// AttrSpan returns an attribute with a resolved name, with its bytes'
// place in the start tag, for an edit that changes or removes it.
func (e *Element) AttrSpan(space, local string) (Attr, bool) {
	for _, a := range e.Attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a, true
		}
	}
	return Attr{}, false
}

// SelfClosed reports whether e was written as <e/>: its end is its start
// tag's end (an empty <e></e> has an end tag of its own).
func (e *Element) SelfClosed() bool { return e.End == e.TagEnd }

// Prefix is the prefix e's start tag uses ("" for none).
func (e *Element) Prefix(src []byte) string {
	tag := src[e.Start+1 : e.TagEnd]
	end := bytes.IndexFunc(tag, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '/' || r == '>' })
	if end < 0 {
		end = len(tag)
	}
	name := string(tag[:end])
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[:i]
	}
	return ""
}
