package meta

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// xmpPictureProps are the XMP properties that hold a picture, or point at
// one stored beside the primary image, keyed by namespace; an empty
// property list means the whole namespace. Belgi drops them: a picture
// there shows the scene without its label, and a pointer would send a
// reader to an image that is no longer in the file.
var xmpPictureProps = []struct {
	ns    string
	props []string
	note  string
}{
	{"http://ns.adobe.com/xap/1.0/", []string{"Thumbnails"}, "XMP thumbnail (xmp:Thumbnails) removed: it showed the picture without its label"},
	{"http://ns.google.com/photos/1.0/image/", nil, "XMP GImage data removed: it is a copy of the picture without its label (Android portrait mode)"},
	{"http://ns.google.com/photos/1.0/depthmap/", nil, "XMP GDepth depth map removed: it is a picture of the unlabeled scene"},
	{"http://ns.google.com/photos/1.0/container/", nil, "XMP container directory removed: the images it listed are not carried"},
	{"http://ns.google.com/photos/1.0/container/item/", nil, ""},
	{"http://ns.google.com/photos/1.0/camera/", []string{"MicroVideo", "MicroVideoVersion", "MicroVideoOffset", "MicroVideoPresentationTimestampUs", "MotionPhoto", "MotionPhotoVersion", "MotionPhotoPresentationTimestampUs"}, "motion photo video dropped: it shows the scene without the label; the output is a still photo"},
	{"http://ns.adobe.com/hdr-gain-map/1.0/", nil, "Ultra HDR gain map dropped: it is a picture of the unlabeled scene and would brighten the label unevenly on HDR screens; the photo shows in standard dynamic range"},
	{"http://ns.apple.com/HDRGainMap/1.0/", nil, "HDR gain map dropped: it is a picture of the unlabeled scene; the photo shows in standard dynamic range"},
}

// dropFunc says whether to drop a property, with the note to give.
type dropFunc func(xml.Name) (string, bool)

// dropExtendedPointer matches xmpNote:HasExtendedXMP, which must go with
// the Extended XMP it names.
func dropExtendedPointer(n xml.Name) (string, bool) {
	return "", n.Space == "http://ns.adobe.com/xmp/note/" && n.Local == "HasExtendedXMP"
}

// dropNote returns the note for a property to drop, and whether to drop it.
func dropNote(n xml.Name) (string, bool) {
	for _, p := range xmpPictureProps {
		if n.Space != p.ns {
			continue
		}
		if p.props == nil {
			return p.note, true
		}
		for _, l := range p.props {
			if l == n.Local {
				return p.note, true
			}
		}
	}
	return "", false
}

// span is a byte range [from, to) of a packet to cut or replace.
type span struct {
	from, to int
	with     []byte
}

// StripXMPPictures removes from an XMP packet every property that holds
// or points at a picture other than the primary image (thumbnails, depth
// maps, GImage copies, gain maps, motion-photo videos), read with an XML
// tokenizer; everything else is kept byte for byte. It returns the packet
// and one note per kind of property removed. A packet that does not
// parse is returned unchanged with an error.
func StripXMPPictures(packet []byte) ([]byte, []string, error) {
	return stripXMP(packet, dropNote)
}

func stripXMP(packet []byte, drop dropFunc) ([]byte, []string, error) {
	d := xml.NewDecoder(bytes.NewReader(packet))
	d.Strict = false
	var cuts []span
	var notes noteSet
	for {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return packet, nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if note, ok := drop(se.Name); ok {
			if err := d.Skip(); err != nil {
				return packet, nil, err
			}
			cuts = append(cuts, span{from: start, to: int(d.InputOffset())})
			addNote(&notes, note)
			continue
		}
		if c, ok := stripAttrs(packet[start:d.InputOffset()], se.Attr, drop, &notes); ok {
			c.from, c.to = c.from+start, c.to+start
			cuts = append(cuts, c)
		}
	}
	return applySpans(packet, cuts), notes, nil
}

func addNote(n *noteSet, s string) {
	if s != "" {
		n.add(s)
	}
}

// stripAttrs rewrites a start tag without the attributes to drop. The
// decoder resolves attribute names in source order, so the raw tag's
// attributes, lexed in the same order, pair up with them one to one.
func stripAttrs(tag []byte, attrs []xml.Attr, drop dropFunc, notes *noteSet) (span, bool) {
	raw := lexAttrs(tag)
	if len(raw) != len(attrs) {
		return span{}, false
	}
	var out []byte
	last, changed := 0, false
	for i, a := range attrs {
		note, ok := drop(a.Name)
		if !ok {
			continue
		}
		addNote(notes, note)
		out = append(out, tag[last:raw[i].from]...)
		last, changed = raw[i].to, true
	}
	if !changed {
		return span{}, false
	}
	out = append(out, tag[last:]...)
	return span{from: 0, to: len(tag), with: out}, true
}

// lexAttrs finds each attribute of a start tag, with the white space
// before it, as byte ranges: `<a:b x="1" y='2'>`.
func lexAttrs(tag []byte) []span {
	var out []span
	p := bytes.IndexAny(tag, " \t\r\n")
	for p >= 0 && p < len(tag) {
		from := p
		for p < len(tag) && isSpace(tag[p]) {
			p++
		}
		eq := bytes.IndexByte(tag[p:], '=')
		if eq < 0 {
			break
		}
		q := p + eq + 1
		for q < len(tag) && isSpace(tag[q]) {
			q++
		}
		if q >= len(tag) || (tag[q] != '"' && tag[q] != '\'') {
			break
		}
		end := bytes.IndexByte(tag[q+1:], tag[q])
		if end < 0 {
			break
		}
		p = q + 1 + end + 1
		out = append(out, span{from: from, to: p})
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// applySpans replaces each span (sorted, not overlapping) in b.
func applySpans(b []byte, spans []span) []byte {
	if len(spans) == 0 {
		return b
	}
	var out []byte
	last := 0
	for _, s := range spans {
		out = append(out, b[last:s.from]...)
		out = append(out, s.with...)
		last = s.to
	}
	return append(out, b[last:]...)
}

// StripXMPOrientation removes tiff:Orientation, for a picture whose
// pixels were turned upright by their decoder (HEIF's irot): the EXIF
// orientation becomes 1, and the XMP copy must not turn them again.
func StripXMPOrientation(packet []byte) []byte {
	out, _, err := stripXMP(packet, func(n xml.Name) (string, bool) {
		return "", n.Space == "http://ns.adobe.com/tiff/1.0/" && n.Local == "Orientation"
	})
	if err != nil {
		return packet
	}
	return out
}
