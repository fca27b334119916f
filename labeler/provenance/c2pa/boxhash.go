package c2pa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/fxamacker/cbor/v2"
)

// boxHash is the c2pa.hash.boxes hard binding: the file's boxes (for
// JPEG, its marker segments) in order, in groups each with a hash.
type boxHash struct {
	Boxes []struct {
		Names    []string `cbor:"names"`
		Alg      string   `cbor:"alg"`
		Hash     []byte   `cbor:"hash"`
		Excluded bool     `cbor:"excluded"`
	} `cbor:"boxes"`
	Alg string `cbor:"alg"`
}

// jpegBox is one named marker segment of a JPEG and its byte range.
type jpegBox struct {
	name       string
	start, len int64
}

// checkBoxHash re-hashes a JPEG's segments as a c2pa.hash.boxes binding
// names them; other formats' box hashes are reported as not checked.
func (v *validator) checkBoxHash(b []byte, asset io.ReaderAt, size int64, url string) {
	var bh boxHash
	if cbor.Unmarshal(b, &bh) != nil || len(bh.Boxes) == 0 {
		v.log.fail("assertion.boxesHash.malformed", url, "")
		return
	}
	data, err := readAll(asset, size)
	if err != nil || !bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
		v.log.note("assertion.hardBinding.unchecked", url, "Belgi checks box hashes of JPEG files only")
		return
	}
	boxes, err := jpegBoxes(data)
	if err == nil {
		err = matchBoxes(data, boxes, bh)
	}
	v.log.check(err == nil, "assertion.boxesHash.match", "assertion.boxesHash.mismatch", url, errText(err))
}

// matchBoxes walks the hash's groups along the file's boxes.
func matchBoxes(data []byte, boxes []jpegBox, bh boxHash) error {
	i := 0
	for _, g := range bh.Boxes {
		var start, end int64 = -1, 0
		for _, name := range g.Names {
			if i >= len(boxes) || boxes[i].name != name {
				return errors.New("the file's boxes are not the ones the hash names")
			}
			if start < 0 {
				start = boxes[i].start
			}
			end = boxes[i].start + boxes[i].len
			i++
		}
		if g.Excluded || (len(g.Names) == 1 && g.Names[0] == "C2PA") {
			continue
		}
		h, ok := hashByName(g.Alg, bh.Alg)
		if !ok {
			return fmt.Errorf("hash algorithm %q", g.Alg)
		}
		if start < 0 || end > int64(len(data)) {
			return fmt.Errorf("boxes %v lie outside the file", g.Names)
		}
		if !bytes.Equal(digest(h, data[start:end]), g.Hash) {
			return fmt.Errorf("boxes %v do not match their hash", g.Names)
		}
	}
	return nil
}

// jpegBoxes lists a JPEG's boxes as c2pa-rs names them: each marker
// segment by its marker name, all C2PA APP11 segments as one "C2PA"
// box, and SOS together with the entropy-coded data after it.
func jpegBoxes(data []byte) ([]jpegBox, error) {
	if len(data) < 2 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, fmt.Errorf("%w: no SOI marker", errJPEG)
	}
	out := []jpegBox{{name: "SOI", start: 0, len: 2}}
	c2pa, en := -1, -1
	for p := 2; p+2 <= len(data); {
		if data[p] != 0xFF {
			return nil, fmt.Errorf("%w: at %d", errJPEG, p)
		}
		m := data[p+1]
		if m == 0xD9 {
			return append(out, jpegBox{name: "EOI", start: int64(p), len: 2}), nil
		}
		if p+4 > len(data) {
			return nil, fmt.Errorf("%w: truncated at %d", errJPEG, p)
		}
		n := int(binary.BigEndian.Uint16(data[p+2:])) + 2
		if p+n > len(data) || n < 4 {
			return nil, fmt.Errorf("%w: segment at %d overruns", errJPEG, p)
		}
		if m == 0xDA {
			n = sosLength(data, p, n)
		}
		box := jpegBox{name: markerName(m), start: int64(p), len: int64(n)}
		seg := data[p+4 : p+n]
		switch {
		case m == mAPP11 && c2pa >= 0 && segmentEn(seg) == en:
			out[c2pa].len += box.len
		case m == mAPP11 && len(seg) > app11Header && isStoreStart(seg[app11Header:]):
			box.name, c2pa, en = "C2PA", len(out), segmentEn(seg)
			out = append(out, box)
		default:
			out = append(out, box)
		}
		p += n
	}
	return out, nil
}

// sosLength is the SOS segment plus the entropy-coded data after it, up
// to the next marker that is neither a stuffed 0xFF nor a restart.
func sosLength(data []byte, p, n int) int {
	q := p + n
	for q+1 < len(data) {
		if data[q] == 0xFF && data[q+1] != 0 && (data[q+1] < 0xD0 || data[q+1] > 0xD7) {
			break
		}
		q++
	}
	return q - p
}

// segmentEn is a JPEG XT segment's box instance number, -2 if none.
func segmentEn(payload []byte) int {
	if len(payload) < 4 || payload[0] != 'J' || payload[1] != 'P' {
		return -2
	}
	return int(binary.BigEndian.Uint16(payload[2:]))
}

func markerName(m byte) string {
	switch {
	case m >= 0xE0 && m <= 0xEF:
		return fmt.Sprintf("APP%d", m-0xE0)
	case m >= 0xD0 && m <= 0xD7:
		return fmt.Sprintf("RST%d", m-0xD0)
	case m >= 0xF0 && m <= 0xFD:
		return fmt.Sprintf("JPG%d", m-0xF0)
	case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC:
		return fmt.Sprintf("SOF%d", m-0xC0)
	}
	return map[byte]string{0xC4: "DHT", 0xDB: "DQT", 0xDD: "DRI", 0xDA: "SOS", 0xFE: "COM", 0xCC: "DAC"}[m]
}
