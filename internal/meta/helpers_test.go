package meta

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/labeler/provenance"
)

const (
	dstTrained = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
	dstCapture = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
)

// oldXMP is a packet another tool wrote: a creator and a capture type.
var oldXMP = []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 Iptc4xmpExt:DigitalSourceType="` + dstCapture + `">
<dc:creator><rdf:Seq><rdf:li>Aigerim</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`)

// newXMP merges Belgi's mark into old, as the image kind will.
func newXMP(t testing.TB, old []byte) []byte {
	t.Helper()
	p, err := provenance.Packet(old, provenance.Mark{DigitalSourceType: dstTrained, Tool: "Belgi test", Layers: []string{"visible", "xmp"}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func testImage(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	return m
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// makeICC builds a minimal ICC v2 profile whose only tag is 'desc', which
// is all exiftool needs to report a ProfileDescription.
func makeICC(space, desc string) []byte {
	be := binary.BigEndian
	tag := []byte("desc\x00\x00\x00\x00")
	tag = be.AppendUint32(tag, uint32(len(desc)+1))
	tag = append(append(tag, desc...), 0)
	tag = append(tag, make([]byte, 4+4+2+1+67)...)
	for len(tag)%4 != 0 {
		tag = append(tag, 0)
	}
	h := make([]byte, 128)
	be.PutUint32(h[8:], 0x02100000)
	copy(h[12:], "mntr")
	copy(h[16:], space)
	copy(h[20:], "XYZ ")
	copy(h[36:], "acsp")
	be.PutUint32(h[68:], 0xF6D6)
	be.PutUint32(h[72:], 0x10000)
	be.PutUint32(h[76:], 0xD32D)
	p := be.AppendUint32(h, 1)
	p = append(p, "desc"...)
	p = be.AppendUint32(p, 128+4+12)
	p = be.AppendUint32(p, uint32(len(tag)))
	p = append(p, tag...)
	be.PutUint32(p, uint32(len(p)))
	return p
}

// makeEXIF builds a TIFF structure with IFD0 holding Orientation and
// Make (an offset value), and optionally an IFD1 thumbnail directory.
// bo is a byte order that can also append.
type bo interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

func makeEXIF(order bo, orient uint16, thumb bool) []byte {
	b := []byte("II*\x00\x00\x00\x00\x00")
	if order == binary.BigEndian {
		b = []byte("MM\x00*\x00\x00\x00\x00")
	}
	order.PutUint32(b[4:], 8)
	b = order.AppendUint16(b, 2)
	b = entry(order, b, 271, 2, 6, 8+2+24+4)
	b = entry(order, b, tagOrientation, 3, 1, uint32(orient)<<pick(order, 16, 0))
	next := uint32(0)
	if thumb {
		next = 8 + 2 + 24 + 4 + 6
	}
	b = order.AppendUint32(b, next)
	b = append(b, "Belgi\x00"...)
	if thumb {
		b = order.AppendUint16(b, 1)
		b = entry(order, b, 259, 3, 1, 6<<pick(order, 16, 0))
		b = order.AppendUint32(b, 0)
	}
	return b
}

func pick(order bo, big, little uint32) uint32 {
	if order == binary.BigEndian {
		return big
	}
	return little
}

func entry(order bo, b []byte, tag, typ uint16, n, v uint32) []byte {
	b = order.AppendUint16(order.AppendUint16(b, tag), typ)
	return order.AppendUint32(order.AppendUint32(b, n), v)
}

func seg(marker byte, parts ...string) []byte {
	d := strings.Join(parts, "")
	n := len(d) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, d...)
}

// buildJPEG puts segments between SOI and a real encoder's frame.
func buildJPEG(t testing.TB, segs ...[]byte) []byte {
	out := []byte{0xFF, 0xD8}
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, encodeJPEG(t, testImage(16, 12))[2:]...)
}

// iccSegments splits a profile over n APP2 segments.
func iccSegments(icc []byte, n int) [][]byte {
	var out [][]byte
	step := (len(icc) + n - 1) / n
	for i := range n {
		part := icc[min(len(icc), i*step):min(len(icc), (i+1)*step)]
		out = append(out, seg(mAPP2, "ICC_PROFILE\x00", string([]byte{byte(i + 1), byte(n)}), string(part)))
	}
	return out
}

func countXMP(b []byte) int { return bytes.Count(b, []byte("<x:xmpmeta")) }
