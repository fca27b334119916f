package c2pa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// JUMBF content types (ISO 19566-5 and C2PA 2.x, clause "Use of JUMBF"):
// the first four bytes name the box, the rest is the shared ISO suffix.
var (
	typeStore      = jumbfUUID("c2pa")
	typeManifest   = jumbfUUID("c2ma")
	typeAssertions = jumbfUUID("c2as")
	typeClaim      = jumbfUUID("c2cl")
	typeSignature  = jumbfUUID("c2cs")
	typeCBOR       = jumbfUUID("cbor")
)

func jumbfUUID(tag string) [16]byte {
	var u [16]byte
	copy(u[:4], tag)
	copy(u[4:], []byte{0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71})
	return u
}

// toggles in a description box: requestable, with a label. C2PA asks for
// both on every box it names.
const togglesLabelled = 0x03

// box appends one ISO BMFF style box: 32-bit size, 4-byte type, payload.
func box(dst []byte, typ string, payload ...[]byte) []byte {
	n := 8
	for _, p := range payload {
		n += len(p)
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(n))
	dst = append(dst, typ...)
	for _, p := range payload {
		dst = append(dst, p...)
	}
	return dst
}

// superbox builds a JUMBF superbox: a jumd description then the content.
func superbox(typ [16]byte, label string, content ...[]byte) []byte {
	desc := append(typ[:], togglesLabelled)
	desc = append(append(desc, label...), 0)
	return box(nil, "jumb", append([][]byte{box(nil, "jumd", desc)}, content...)...)
}

// cborBox is a labelled superbox holding one CBOR content box, the shape
// of the claim, every assertion Belgi writes and the signature.
func cborBox(typ [16]byte, label string, data []byte) []byte {
	return superbox(typ, label, box(nil, "cbor", data))
}

// contentHash input: a superbox without its own 8-byte header, which is
// what hashed URIs cover (C2PA "Hashing a JUMBF box").
func boxBody(sb []byte) []byte { return sb[8:] }

// node is one parsed box; for a superbox, label and kids are filled.
type node struct {
	typ   string
	raw   []byte // the whole box, header included
	body  []byte // payload after the header
	uuid  [16]byte
	label string
	kids  []node // content boxes after the description
}

var errBox = errors.New("malformed JUMBF box")

// parseBoxes splits b into boxes, descending into jumb superboxes up to
// depth levels so a hostile file cannot make it recurse without end.
func parseBoxes(b []byte, depth int) ([]node, error) {
	var out []node
	for len(b) > 0 {
		if len(b) < 8 {
			return nil, errBox
		}
		n := int(binary.BigEndian.Uint32(b))
		if n < 8 || n > len(b) {
			return nil, fmt.Errorf("%w: size %d of %d", errBox, n, len(b))
		}
		nd := node{typ: string(b[4:8]), raw: b[:n], body: b[8:n]}
		if nd.typ == "jumb" {
			if err := nd.parseSuper(depth); err != nil {
				return nil, err
			}
		}
		out = append(out, nd)
		b = b[n:]
	}
	return out, nil
}

func (nd *node) parseSuper(depth int) error {
	if depth <= 0 {
		return fmt.Errorf("%w: nested too deep", errBox)
	}
	kids, err := parseBoxes(nd.body, depth-1)
	if err != nil {
		return err
	}
	if len(kids) == 0 || kids[0].typ != "jumd" || len(kids[0].body) < 17 {
		return fmt.Errorf("%w: superbox without description", errBox)
	}
	d := kids[0].body
	copy(nd.uuid[:], d[:16])
	if d[16]&0x02 != 0 {
		label, _, _ := bytes.Cut(d[17:], []byte{0})
		nd.label = string(label)
	}
	nd.kids = kids[1:]
	return nil
}

// child finds a labelled superbox among nd's content boxes.
func (nd node) child(label string) (node, bool) {
	for _, k := range nd.kids {
		if k.typ == "jumb" && k.label == label {
			return k, true
		}
	}
	return node{}, false
}

// cborContent returns the payload of the first cbor box in a superbox.
func (nd node) cborContent() ([]byte, bool) {
	for _, k := range nd.kids {
		if k.typ == "cbor" {
			return k.body, true
		}
	}
	return nil, false
}
