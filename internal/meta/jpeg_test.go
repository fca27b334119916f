package meta

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"slices"
	"strings"
	"testing"
)

var (
	rgbICC  = makeICC("RGB ", "Belgi Test RGB")
	cmykICC = makeICC("CMYK", "Belgi Test CMYK")
	exifLE  = makeEXIF(binary.LittleEndian, 6, true)
	exifBE  = makeEXIF(binary.BigEndian, 8, false)
)

// jpegCase is a source JPEG and what parsing and rewriting it must show.
type jpegCase struct {
	name   string
	src    []byte
	orient int
	icc    []byte // expected reassembled profile
	keeps  bool   // ICC survives the rewrite
	xmpAt  int    // index of the XMP segment in the output
	note   string // a note that must be returned
}

func jpegCases(t testing.TB) []jpegCase {
	jfif := seg(mAPP0, "JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
	exif := seg(mAPP1, "Exif\x00\x00", string(exifLE))
	xmp := seg(mAPP1, string(nsXMP), string(oldXMP))
	com := seg(mCOM, "made by hand")
	icc := iccSegments(rgbICC, 2)
	ps := seg(mAPPD, "Photoshop 3.0\x00", "8BIM\x04\x04\x00\x00\x00\x00\x00\x05", "\x1c\x02\x00\x00\x00", "\x00")
	adobe0 := seg(mAPPE, "Adobe\x00\x64\x00\x00\x00\x00\x00")
	return []jpegCase{
		{name: "bare encoder output", src: encodeJPEG(t, testImage(8, 8)), orient: 1, xmpAt: 0},
		{name: "jfif exif icc xmp com iptc", src: buildJPEG(t, jfif, exif, icc[0], icc[1], xmp, com, ps),
			orient: 6, icc: rgbICC, keeps: true, xmpAt: 4},
		{name: "big-endian exif without xmp", src: buildJPEG(t, jfif, seg(mAPP1, "Exif\x00\x00", string(exifBE)), com),
			orient: 8, xmpAt: 2},
		{name: "fill bytes between segments", src: buildJPEG(t, jfif, []byte{0xFF, 0xFF, 0xFF}, com), orient: 1, xmpAt: 1},
		{name: "cmyk profile and adobe no-transform", src: buildJPEG(t, slices.Concat(iccSegments(cmykICC, 1)...), adobe0),
			orient: 1, icc: cmykICC, xmpAt: 0, note: "CMYK"},
	}
}

func TestJPEGParseAndWrite(t *testing.T) {
	for _, c := range jpegCases(t) {
		t.Run(c.name, func(t *testing.T) {
			info, err := ParseJPEG(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if info.Orientation() != c.orient || !bytes.Equal(info.ICC, c.icc) {
				t.Errorf("orientation %d, ICC %d bytes; want %d, %d bytes", info.Orientation(), len(info.ICC), c.orient, len(c.icc))
			}
			if info.SOF != 0xC0 || len(info.Components) != 3 || info.Width == 0 || len(info.DQT) == 0 {
				t.Errorf("frame: SOF %#x, %d components, width %d, %d DQT", info.SOF, len(info.Components), info.Width, len(info.DQT))
			}
			if strings.Contains(c.name, "iptc") && len(info.IPTC) != 5 {
				t.Errorf("IPTC resource %q", info.IPTC)
			}
			xmp := newXMP(t, info.XMP)
			var out bytes.Buffer
			notes, err := WriteJPEG(&out, info, xmp, encodeJPEG(t, testImage(16, 12)))
			if err != nil {
				t.Fatal(err)
			}
			checkJPEGOutput(t, c, info, out.Bytes(), xmp, notes)
		})
	}
}

func checkJPEGOutput(t *testing.T, c jpegCase, src *JPEGInfo, out, xmp []byte, notes []string) {
	t.Helper()
	got, err := ParseJPEG(out)
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	if _, err := jpeg.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("output does not decode: %v", err)
	}
	if !bytes.Equal(got.XMP, xmp) || countXMP(out) != 1 {
		t.Errorf("XMP not replaced once: %d packets", countXMP(out))
	}
	if c.xmpAt >= len(got.Segments) || !isStdXMP(got.Segments[c.xmpAt]) {
		t.Errorf("XMP not at segment %d", c.xmpAt)
	}
	if !bytes.Equal(got.EXIF, src.EXIF) {
		t.Error("EXIF not carried byte-for-byte")
	}
	if c.keeps != (got.ICC != nil) || (c.keeps && !bytes.Equal(got.ICC, src.ICC)) {
		t.Errorf("ICC carried = %v, want %v", got.ICC != nil, c.keeps)
	}
	if c.note != "" && !strings.Contains(strings.Join(notes, "\n"), c.note) {
		t.Errorf("notes %q lack %q", notes, c.note)
	}
	if got.AdobeTransform == 0 {
		t.Error("an Adobe no-transform segment would turn the YCbCr frame into false colours")
	}
	if !bytes.Equal(got.IPTC, src.IPTC) {
		t.Error("IPTC not carried")
	}
	var want, have []byte
	for _, s := range src.Segments {
		if !isStdXMP(s) && !isICC(s) && !isAdobe(s) {
			want = append(want, s.Marker)
		}
	}
	for _, s := range got.Segments {
		if !isStdXMP(s) && !isICC(s) {
			have = append(have, s.Marker)
		}
	}
	if !bytes.Equal(want, have) {
		t.Errorf("segment order %x, want %x", have, want)
	}
}

func TestJPEGBroken(t *testing.T) {
	good := encodeJPEG(t, testImage(8, 8))
	for _, c := range brokenJPEGs(good) {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseJPEG(c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

type brokenCase struct {
	name string
	data []byte
	want string
}

func brokenJPEGs(good []byte) []brokenCase {
	return []brokenCase{
		{"empty", nil, "no SOI"},
		{"png bytes", pngSig, "no SOI"},
		{"only SOI", good[:2], "without an EOI marker"},
		{"ends in fill bytes", []byte{0xFF, 0xD8, 0xFF, 0xFF}, "fill bytes"},
		{"length past end", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 'E'}, "runs past the end"},
		{"length below two", []byte{0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x01, 0xFF, 0xDA}, "length 1"},
		{"truncated length", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00}, "has no length"},
		{"EOI before scan", []byte{0xFF, 0xD8, 0xFF, 0xD9}, "EOI"},
		{"scan without frame", []byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02}, "no frame header"},
		{"bad SOF length", []byte{0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x08, 8, 0, 1, 0, 1, 3, 0xFF, 0xDA}, "bad length"},
		{"stray byte, then a scan without frame", append(append([]byte{}, good[:2]...), 0x00, 0xFF, 0xDA), "no frame header"},
	}
}

func TestJPEGWriteLimitsAndPlacement(t *testing.T) {
	info, err := ParseJPEG(buildJPEG(t, seg(mCOM, "x")))
	if err != nil {
		t.Fatal(err)
	}
	frame := encodeJPEG(t, testImage(8, 8))
	huge := append([]byte("<x:xmpmeta>"), bytes.Repeat([]byte("a"), MaxJPEGXMP)...)
	if _, err := WriteJPEG(&bytes.Buffer{}, info, huge, frame); err == nil || !strings.Contains(err.Error(), "exceeds") {
		t.Errorf("oversized XMP: %v", err)
	}
	padded := append(append([]byte("<x:xmpmeta/>"), bytes.Repeat([]byte(" "), MaxJPEGXMP)...), `<?xpacket end="w"?>`...)
	var out bytes.Buffer
	if _, err := WriteJPEG(&out, info, padded, frame); err != nil {
		t.Errorf("padding-only overflow should be trimmed: %v", err)
	}
	if _, err := WriteJPEG(&bytes.Buffer{}, info, newXMP(t, nil), []byte{0xFF, 0xD8, 0xFF, 0xD9}); err == nil {
		t.Error("a frame without SOF was accepted")
	}
}

func TestJPEGOrientationAndThumbnail(t *testing.T) {
	src := buildJPEG(t, seg(mAPP1, "Exif\x00\x00", string(exifLE)))
	keep := bytes.Clone(src)
	info, err := ParseJPEG(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := info.SetOrientation(1); err != nil || info.Orientation() != 1 {
		t.Fatalf("set orientation: %v, now %d", err, info.Orientation())
	}
	if _, err := info.RemovePictures(nil); err != nil {
		t.Error(err)
	}
	if !bytes.Equal(src, keep) {
		t.Error("editing the info changed the source bytes")
	}
	if err := info.SetOrientation(9); err == nil {
		t.Error("orientation 9 accepted")
	}
	bare, _ := ParseJPEG(encodeJPEG(t, testImage(4, 4)))
	if err := bare.SetOrientation(3); err == nil {
		t.Error("set orientation without EXIF should fail")
	}
}

func TestExtendedXMPKeptOnlyWhenReferenced(t *testing.T) {
	guid := "0123456789ABCDEF0123456789ABCDEF"
	ext := []byte("<x:xmpmeta>extended</x:xmpmeta>")
	hdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, uint32(len(ext))), 0)
	std := `<x:xmpmeta xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="` + guid + `"/>`
	src := buildJPEG(t, seg(mAPP1, string(nsXMP), std), seg(mAPP1, string(nsExtXMP), guid, string(hdr), string(ext)))
	info, err := ParseJPEG(src)
	if err != nil || !bytes.Equal(info.ExtendedXMP, ext) || info.ExtendedXMPGUID != guid {
		t.Fatalf("extended XMP %q guid %q err %v", info.ExtendedXMP, info.ExtendedXMPGUID, err)
	}
	frame := encodeJPEG(t, testImage(8, 8))
	for _, c := range []struct {
		xmp  string
		kept bool
	}{{std, true}, {"<x:xmpmeta/>", false}} {
		var out bytes.Buffer
		notes, err := WriteJPEG(&out, info, []byte(c.xmp), frame)
		got, _ := ParseJPEG(out.Bytes())
		if err != nil || (got.ExtendedXMP != nil) != c.kept || (len(notes) > 0) == c.kept {
			t.Errorf("xmp %q: extended kept %v, notes %q, err %v", c.xmp, got.ExtendedXMP != nil, notes, err)
		}
	}
}

// TestWriteJPEGDropsMPF: the MPF index points at images appended after
// the primary one, which the labeled output does not carry.
func TestWriteJPEGDropsMPF(t *testing.T) {
	var src bytes.Buffer
	if err := jpeg.Encode(&src, image.NewGray(image.Rect(0, 0, 16, 16)), nil); err != nil {
		t.Fatal(err)
	}
	mpf := []byte{0xFF, 0xE2, 0, 12, 'M', 'P', 'F', 0, 'I', 'I', '*', 0, 8, 0}
	data := append(append([]byte{0xFF, 0xD8}, mpf...), src.Bytes()[2:]...)
	info, err := ParseJPEG(data)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	notes, err := WriteJPEG(&out, info, []byte("<x:xmpmeta/>"), src.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out.Bytes(), []byte("MPF\x00")) || len(notes) == 0 {
		t.Errorf("MPF kept (notes %v)", notes)
	}
}
