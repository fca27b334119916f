package jpegenc

import (
	"encoding/binary"
	"io"
)

// JPEG markers this package writes.
const (
	markerSOI   = 0xD8
	markerEOI   = 0xD9
	markerSOF0  = 0xC0
	markerSOF1  = 0xC1
	markerDHT   = 0xC4
	markerDQT   = 0xDB
	markerDRI   = 0xDD
	markerSOS   = 0xDA
	markerAPP14 = 0xEE
)

// Encode writes a complete minimal JPEG file: SOI, an Adobe APP14 segment
// when f has four components (so decoders read them as CMYK), then what
// EncodeSegments writes. Use EncodeSegments to keep a source's metadata.
func Encode(w io.Writer, f *Frame) error {
	head := []byte{0xFF, markerSOI}
	if len(f.Components) == 4 {
		head = append(head, AdobeAPP14()...)
	}
	return encode(w, f, head)
}

// AdobeAPP14 returns an Adobe APP14 segment with transform 0 ("unknown":
// no colour transform, samples stored inverted as Photoshop does). A
// four-component file from EncodeSegments needs exactly this: without it
// image/jpeg refuses the file, and with transform 2 (YCCK), which a CMYK
// source may carry, readers would apply a colour transform to CMYK data.
// Callers splicing a source's APPn segments must drop its APP14 and write
// this one.
func AdobeAPP14() []byte {
	return []byte{
		0xFF, markerAPP14, 0, 14,
		'A', 'd', 'o', 'b', 'e',
		0, 100, // version
		0, 0, 0, 0, // flags0, flags1
		0, // transform
	}
}

// EncodeSegments writes DQT, SOF0 (SOF1 for 16-bit tables), DHT, DRI when
// f.RestartInterval > 0, SOS, the entropy-coded data and EOI: everything
// after SOI and the APPn segments, which the caller writes first.
func EncodeSegments(w io.Writer, f *Frame) error {
	return encode(w, f, nil)
}

// encode validates f before anything is written, so a bad frame leaves w
// untouched, then writes head followed by the segments.
func encode(w io.Writer, f *Frame, head []byte) error {
	if err := f.validate(); err != nil {
		return err
	}
	hs, vs := normalizedFactors(f.Components)
	if err := checkMCU(hs, vs); err != nil {
		return err
	}
	e := &encoder{bw: newBitWriter(w), planes: makePlanes(f, hs, vs)}
	e.bw.buf = append(e.bw.buf, head...)
	e.writeHeaders(f, hs, vs)
	hmax, vmax := maxOf(hs), maxOf(vs)
	e.scan(ceilDiv(f.Width, 8*hmax), ceilDiv(f.Height, 8*vmax), f.RestartInterval)
	e.bw.buf = append(e.bw.buf, 0xFF, markerEOI)
	e.bw.flush()
	return e.bw.err
}

func maxOf(s []int) int {
	m := 0
	for _, v := range s {
		m = max(m, v)
	}
	return m
}

// makePlanes prepares each component's coding state. Huffman tables pair
// with quantization tables: Tq 0 codes with the luma tables, every other
// Tq with the chroma tables, which fits YCbCr and does no harm elsewhere.
func makePlanes(f *Frame, hs, vs []int) []plane {
	planes := make([]plane, len(f.Components))
	for i := range f.Components {
		c := &f.Components[i]
		w, h := f.PlaneSize(i)
		planes[i] = plane{
			pix: c.Pix, stride: c.Stride, w: w, h: h, hs: hs[i], vs: vs[i],
			recip: reciprocals(f.Quant[c.Tq]),
			huff:  stdTables[huffIndex(c.Tq)],
		}
	}
	return planes
}

func huffIndex(tq int) int { return min(tq, 1) }

func (e *encoder) writeHeaders(f *Frame, hs, vs []int) {
	wide := e.writeDQT(f)
	sof := byte(markerSOF0)
	if wide {
		sof = markerSOF1
	}
	body := []byte{8}
	body = binary.BigEndian.AppendUint16(body, uint16(f.Height))
	body = binary.BigEndian.AppendUint16(body, uint16(f.Width))
	body = append(body, byte(len(f.Components)))
	for i, c := range f.Components {
		body = append(body, c.ID, byte(hs[i]<<4|vs[i]), byte(c.Tq))
	}
	e.segment(sof, body)
	e.writeDHT(f)
	if f.RestartInterval > 0 {
		e.segment(markerDRI, binary.BigEndian.AppendUint16(nil, uint16(f.RestartInterval)))
	}
	e.writeSOS(f)
}

// writeDQT writes each table in use, in zigzag order, 8-bit when every
// entry fits. It reports whether any table needed 16 bits.
func (e *encoder) writeDQT(f *Frame) (wide bool) {
	for tq, q := range f.Quant {
		if q == nil || !usesTable(f, tq) {
			continue
		}
		pq := 0
		for _, v := range q {
			if v > 255 {
				pq = 1
			}
		}
		body := []byte{byte(pq<<4 | tq)}
		for k := range 64 {
			v := q[zigzag[k]]
			if pq == 1 {
				body = append(body, byte(v>>8))
			}
			body = append(body, byte(v))
		}
		e.segment(markerDQT, body)
		wide = wide || pq == 1
	}
	return wide
}

func usesTable(f *Frame, tq int) bool {
	for _, c := range f.Components {
		if c.Tq == tq {
			return true
		}
	}
	return false
}

// writeDHT writes the standard DC and AC tables for each Huffman set in use.
func (e *encoder) writeDHT(f *Frame) {
	for th := range 2 {
		if !usesHuff(f, th) {
			continue
		}
		for tc, spec := range stdSpecs[th] {
			body := append([]byte{byte(tc<<4 | th)}, spec.counts[:]...)
			e.segment(markerDHT, append(body, spec.values...))
		}
	}
}

func usesHuff(f *Frame, th int) bool {
	for _, c := range f.Components {
		if huffIndex(c.Tq) == th {
			return true
		}
	}
	return false
}

func (e *encoder) writeSOS(f *Frame) {
	body := []byte{byte(len(f.Components))}
	for _, c := range f.Components {
		th := byte(huffIndex(c.Tq))
		body = append(body, c.ID, th<<4|th)
	}
	e.segment(markerSOS, append(body, 0, 63, 0))
}

// segment writes a marker segment: marker, big-endian length that counts
// itself, payload.
func (e *encoder) segment(marker byte, body []byte) {
	b := append(e.bw.buf, 0xFF, marker)
	b = binary.BigEndian.AppendUint16(b, uint16(len(body)+2))
	e.bw.buf = append(b, body...)
}
