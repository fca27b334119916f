package meta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"strings"
	"testing"
)

// exifWithThumb builds an EXIF block the way cameras do: IFD0 with an
// orientation and a maker note holding its own preview JPEG, then IFD1
// pointing at a JPEG thumbnail stored at the end of the block.
func exifWithThumb(order bo, thumb, maker []byte) []byte {
	b := []byte("II*\x00\x08\x00\x00\x00")
	if order == binary.BigEndian {
		b = []byte("MM\x00*\x00\x00\x00\x08")
	}
	b = order.AppendUint16(b, 2)
	makerAt := uint32(8 + 2 + 24 + 4)
	ifd1 := makerAt + uint32(len(maker))
	b = entry(order, b, tagOrientation, 3, 1, 6<<pick(order, 16, 0))
	b = entry(order, b, 0x927C, 7, uint32(len(maker)), makerAt)
	b = order.AppendUint32(b, ifd1)
	b = append(b, maker...)
	thumbAt := ifd1 + 2 + 3*12 + 4
	b = order.AppendUint16(b, 3)
	b = entry(order, b, 259, 3, 1, 6<<pick(order, 16, 0))
	b = entry(order, b, tagThumbOffset, 4, 1, thumbAt)
	b = entry(order, b, tagThumbLength, 4, 1, uint32(len(thumb)))
	b = order.AppendUint32(b, 0)
	return append(b, thumb...)
}

// embeddedJPEGs lists every JPEG stream inside b that walks from SOI to
// EOI with a frame and a scan: what a person could extract and view.
func embeddedJPEGs(b []byte) [][]byte {
	var out [][]byte
	for p := 0; ; p++ {
		i := bytes.Index(b[p:], []byte{0xFF, 0xD8, 0xFF})
		if i < 0 {
			return out
		}
		p += i
		if f, err := WalkJPEG(b[p:]); err == nil && f.Frames() > 0 && f.Scans() > 0 {
			out = append(out, b[p:p+f.EOI+2])
		}
	}
}

func solid(c color.Gray) *image.Gray {
	m := image.NewGray(image.Rect(0, 0, 24, 16))
	for i := range m.Pix {
		m.Pix[i] = c.Y
	}
	return m
}

func psResource(id uint16, data []byte) string {
	b := append([]byte("8BIM"), byte(id>>8), byte(id), 0, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	b = append(b, data...)
	if len(data)%2 == 1 {
		b = append(b, 0)
	}
	return string(b)
}

func TestRemovePicturesLeavesOnlyLabeledOnes(t *testing.T) {
	old := encodeJPEG(t, solid(color.Gray{10}))    // "unlabeled" thumbnail
	fresh := encodeJPEG(t, solid(color.Gray{200})) // "labeled" thumbnail
	maker := append([]byte("Nikon\x00"), old...)
	iptc := "\x1c\x02\x78\x00\x05hello"
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:GImage="http://ns.google.com/photos/1.0/image/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 GImage:Mime="image/jpeg" xmp:CreatorTool="cam">
<xmp:Thumbnails><rdf:Alt><rdf:li>base64</rdf:li></rdf:Alt></xmp:Thumbnails><dc:title>kept</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`
	for _, order := range []bo{binary.LittleEndian, binary.BigEndian} {
		src := buildJPEG(t,
			seg(mAPP0, "JFXX\x00\x10", string(old)),
			seg(mAPP1, "Exif\x00\x00", string(exifWithThumb(order, old, maker))),
			seg(mAPP1, string(nsXMP), xmp),
			seg(mAPP1, "FLIR\x00\x01", string(old)),
			seg(mAPPD, string(nsPS), psResource(0x0404, []byte(iptc)), psResource(psThumb5, append(make([]byte, 28), old...))),
		)
		info, err := ParseJPEG(src)
		if err != nil {
			t.Fatal(err)
		}
		notes, err := info.RemovePictures(JPEGThumbs(func(int) ([]byte, error) { return fresh, nil }))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := WriteJPEG(&out, info, info.XMP, encodeJPEG(t, testImage(16, 12))); err != nil {
			t.Fatal(err)
		}
		got, err := ParseJPEG(out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range embeddedJPEGs(out.Bytes()[2:]) {
			if !bytes.Equal(j, fresh) && !bytes.HasSuffix(out.Bytes(), j) {
				t.Errorf("an unlabeled picture of %d bytes is left in the output", len(j))
			}
		}
		x, ok, _ := findThumb(got.EXIF)
		if !ok || !bytes.Equal(got.EXIF[x.from:x.to], fresh) || got.Orientation() != 6 {
			t.Errorf("EXIF thumbnail not regenerated in place (ok %v), orientation %d", ok, got.Orientation())
		}
		if string(got.IPTC) != iptc {
			t.Errorf("IPTC %q lost", got.IPTC)
		}
		if !strings.Contains(string(got.XMP), "<dc:title>kept</dc:title>") || strings.Contains(string(got.XMP), "Thumbnails") || strings.Contains(string(got.XMP), "GImage:Mime") || !strings.Contains(string(got.XMP), `xmp:CreatorTool="cam"`) {
			t.Errorf("XMP not stripped right:\n%s", got.XMP)
		}
		all := strings.Join(notes, "\n")
		for _, want := range []string{"EXIF thumbnail regenerated", "maker notes erased", "Photoshop thumbnail", "JFXX", `"FLIR"`, "xmp:Thumbnails", "GImage"} {
			if !strings.Contains(all, want) {
				t.Errorf("notes lack %q:\n%s", want, all)
			}
		}
	}
}

func TestEXIFThumbnailRemovedWhenNoRoom(t *testing.T) {
	old := encodeJPEG(t, solid(color.Gray{10}))
	e := exifWithThumb(binary.LittleEndian, old, nil)
	out, notes, err := exifRemovePictures(e, nil, maxEXIFPayload)
	if err != nil || len(embeddedJPEGs(out)) != 0 {
		t.Fatalf("err %v, %d pictures left", err, len(embeddedJPEGs(out)))
	}
	if _, ok, _ := findThumb(out); ok || len(notes) != 1 || !strings.Contains(notes[0], "removed") {
		t.Errorf("IFD1 still linked (%v) or notes %q", ok, notes)
	}
	if exifOrientation(out) != 6 {
		t.Error("IFD0 damaged")
	}
}

func TestPhotoshopSplitOverSegments(t *testing.T) {
	old := encodeJPEG(t, solid(color.Gray{10}))
	big := bytes.Repeat([]byte{7}, 70000)
	data := []byte(psResource(0x0404, []byte("iptc")) + psResource(0x0422, big) + psResource(psThumb4, old))
	segs := splitPhotoshop(data)
	var parts [][]byte
	for _, s := range segs {
		parts = append(parts, seg(s.Marker, string(s.Data)))
	}
	info, err := ParseJPEG(buildJPEG(t, parts...))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := info.RemovePictures(nil); err != nil {
		t.Fatal(err)
	}
	var joined []byte
	for _, s := range info.Segments {
		joined = append(joined, bytes.TrimPrefix(s.Data, nsPS)...)
	}
	if len(embeddedJPEGs(joined)) != 0 || !bytes.Contains(joined, big) || string(info.IPTC) != "iptc" {
		t.Errorf("thumbnail left or other resources lost")
	}
}

// TestEXIFThumbnailRegeneratedInItsPlace: a camera's EXIF block that
// fills its segment, with data after the thumbnail, has no room to
// append a new one; the new one takes the old one's place, and the block
// keeps its size.
func TestEXIFThumbnailRegeneratedInItsPlace(t *testing.T) {
	old := encodeJPEG(t, testImage(64, 48))        // the unlabeled thumbnail
	fresh := encodeJPEG(t, solid(color.Gray{200})) // smaller than old
	if len(fresh) >= len(old) {
		t.Fatalf("fixture: the new thumbnail (%d bytes) must fit the old one's place (%d)", len(fresh), len(old))
	}
	e := append(exifWithThumb(binary.BigEndian, old, nil), "trailing maker data"...)
	out, notes, err := exifRemovePictures(e, JPEGThumbs(func(max int) ([]byte, error) {
		if len(fresh) > max {
			return nil, errors.New("no room")
		}
		return fresh, nil
	}), len(e))
	if err != nil {
		t.Fatal(err)
	}
	x, ok, _ := findThumb(out)
	if !ok || !bytes.Equal(out[x.from:x.to], fresh) || len(out) != len(e) {
		t.Fatalf("thumbnail found %v, equal to the new one %v, block %d bytes of %d; notes %q", ok, ok && bytes.Equal(out[x.from:x.to], fresh), len(out), len(e), notes)
	}
	if pics := embeddedJPEGs(out); len(pics) != 1 || !strings.HasSuffix(string(out), "trailing maker data") || exifOrientation(out) != 6 {
		t.Errorf("%d pictures left (want the new one), trailing data or IFD0 damaged", len(pics))
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "regenerated") {
		t.Errorf("notes %q", notes)
	}
}

// TestEXIFWithoutThumbnailLeftAlone: an IFD1 that names no picture (an
// Olympus μ 800 links IFD0 to itself there) is not reported as a
// thumbnail removed, and the block is left as it was.
func TestEXIFWithoutThumbnailLeftAlone(t *testing.T) {
	order := binary.LittleEndian
	b := []byte("II*\x00\x08\x00\x00\x00")
	b = order.AppendUint16(b, 1)
	b = entry(order, b, tagOrientation, 3, 1, 6)
	b = order.AppendUint32(b, 8) // the next IFD is IFD0 again
	out, notes, err := exifRemovePictures(b, nil, maxEXIFPayload)
	if err != nil || len(notes) != 0 || !bytes.Equal(out, b) {
		t.Errorf("err %v, notes %q, block changed: %v", err, notes, !bytes.Equal(out, b))
	}
}

// exifWithRawThumb is a little-endian EXIF block whose IFD1 holds a w×h
// uncompressed thumbnail with the given samples per pixel and bits per
// sample, in one strip of pix.
func exifWithRawThumb(w, h uint32, bits []uint16, pix []byte) []byte {
	order := binary.LittleEndian
	b := []byte("II*\x00\x08\x00\x00\x00")
	b = order.AppendUint16(b, 1)
	b = entry(order, b, tagOrientation, 3, 1, 6)
	ifd1 := uint32(len(b) + 4)
	b = order.AppendUint32(b, ifd1)
	const n = 8
	bitsAt := ifd1 + 2 + n*12 + 4
	stripAt := bitsAt + uint32(2*len(bits))
	b = order.AppendUint16(b, n)
	b = entry(order, b, 256, 4, 1, w)
	b = entry(order, b, 257, 4, 1, h)
	if len(bits) > 2 {
		b = entry(order, b, 258, 3, uint32(len(bits)), bitsAt)
	} else {
		b = entry(order, b, 258, 3, 1, uint32(bits[0]))
	}
	b = entry(order, b, 259, 3, 1, 1)
	b = entry(order, b, 262, 3, 1, 2)
	b = entry(order, b, tagStripOffset, 4, 1, stripAt)
	b = entry(order, b, 277, 3, 1, uint32(len(bits)))
	b = entry(order, b, tagStripCount, 4, 1, uint32(len(pix)))
	b = order.AppendUint32(b, 0)
	for _, v := range bits {
		b = order.AppendUint16(b, v)
	}
	return append(b, pix...)
}

// rawThumbs makes every uncompressed thumbnail one grey and no JPEG.
type rawThumbs struct{ asked [2]int }

func (r *rawThumbs) JPEG(int) ([]byte, error) { return nil, errors.New("no JPEG") }

func (r *rawThumbs) RGB(w, h int) ([]byte, error) {
	r.asked = [2]int{w, h}
	return bytes.Repeat([]byte{200}, 3*w*h), nil
}

// TestUncompressedThumbnailRedrawn: an 8-bit RGB thumbnail in one strip
// (older Kodak and Minolta cameras) is redrawn in its own bytes at its
// own size; one of another layout is removed.
func TestUncompressedThumbnailRedrawn(t *testing.T) {
	old := bytes.Repeat([]byte{7, 8, 9}, 4*3)
	e := exifWithRawThumb(4, 3, []uint16{8, 8, 8}, old)
	th := &rawThumbs{}
	out, notes, err := exifRemovePictures(e, th, maxEXIFPayload)
	if err != nil || len(out) != len(e) || th.asked != [2]int{4, 3} {
		t.Fatalf("err %v, %d bytes of %d, asked for %v", err, len(out), len(e), th.asked)
	}
	x, ok, _ := findThumb(out)
	if !ok || !bytes.Equal(out[x.from:x.to], bytes.Repeat([]byte{200}, 36)) || exifOrientation(out) != 6 {
		t.Errorf("thumbnail found %v, redrawn %v, orientation %d", ok, ok && bytes.Equal(out[x.from:x.to], bytes.Repeat([]byte{200}, 36)), exifOrientation(out))
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "regenerated") {
		t.Errorf("notes %q", notes)
	}
	for _, c := range []struct {
		name string
		bits []uint16
		pix  []byte
	}{
		{"16-bit samples", []uint16{16, 16, 16}, bytes.Repeat([]byte{7}, 4*3*6)},
		{"grey", []uint16{8}, bytes.Repeat([]byte{7}, 4*3)},
		{"a strip shorter than the picture", []uint16{8, 8, 8}, bytes.Repeat([]byte{7}, 30)},
	} {
		e := exifWithRawThumb(4, 3, c.bits, c.pix)
		out, notes, err := exifRemovePictures(e, &rawThumbs{}, maxEXIFPayload)
		if _, ok, _ := findThumb(out); err != nil || ok || bytes.Contains(out, c.pix) || len(notes) != 1 || !strings.Contains(notes[0], "removed") {
			t.Errorf("%s: err %v, IFD1 still linked %v, notes %q", c.name, err, ok, notes)
		}
	}
}

// TestPhotoshopThumbnailRemade: a Photoshop thumbnail resource is
// replaced by one holding the labeled picture's JPEG, behind the header
// Photoshop writes; the other resources stay. Without a thumbnail maker
// it is removed.
func TestPhotoshopThumbnailRemade(t *testing.T) {
	old := encodeJPEG(t, solid(color.Gray{10}))
	fresh := encodeJPEG(t, testImage(33, 20)) // odd width: the row is padded
	data := psResource(0x0404, []byte("iptc")) + psResource(psThumb4, old) + psResource(psThumb5, append(make([]byte, 28), old...))
	info, err := ParseJPEG(buildJPEG(t, seg(mAPPD, string(nsPS), data)))
	if err != nil {
		t.Fatal(err)
	}
	notes, err := info.RemovePictures(JPEGThumbs(func(int) ([]byte, error) { return fresh, nil }))
	if err != nil {
		t.Fatal(err)
	}
	res := photoshopResource(info.Photoshop, psThumb5)
	be := binary.BigEndian
	want := []uint32{1, 33, 20, 100, 2000, uint32(len(fresh))} // 33·24 bits = 99 bytes, padded to 100
	for i, w := range want {
		if len(res) < 28 || be.Uint32(res[4*i:]) != w {
			t.Fatalf("header field %d: resource %x…, want %v", i, res[:min(len(res), 28)], want)
		}
	}
	if be.Uint16(res[24:]) != 24 || be.Uint16(res[26:]) != 1 || !bytes.Equal(res[28:], fresh) {
		t.Errorf("bits %d, planes %d, or the JPEG is not the labeled one", be.Uint16(res[24:]), be.Uint16(res[26:]))
	}
	if photoshopResource(info.Photoshop, psThumb4) != nil || string(info.IPTC) != "iptc" || bytes.Contains(info.Photoshop, old) {
		t.Error("the Photoshop 4 thumbnail or the old picture is left, or IPTC lost")
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "Photoshop thumbnail regenerated") {
		t.Errorf("notes %q", notes)
	}
}

// TestPhotoshopWithoutThumbnailMakesNone: Photoshop data without a
// thumbnail resource gets none, and the picture is not even asked for
// (it costs the coefficient path a decode).
func TestPhotoshopWithoutThumbnailMakesNone(t *testing.T) {
	info, err := ParseJPEG(buildJPEG(t, seg(mAPPD, string(nsPS), psResource(0x0404, []byte("iptc")))))
	if err != nil {
		t.Fatal(err)
	}
	asked := false
	notes, err := info.RemovePictures(JPEGThumbs(func(int) ([]byte, error) { asked = true; return nil, errors.New("none") }))
	if err != nil || asked || len(notes) != 0 || photoshopResource(info.Photoshop, psThumb5) != nil {
		t.Errorf("err %v, thumbnail asked for %v, notes %q", err, asked, notes)
	}
}
