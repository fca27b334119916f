package meta

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

// withChunks rebuilds a PNG with extra chunks before IDAT and after it.
func withChunks(t testing.TB, p []byte, before, after []PNGChunk) []byte {
	t.Helper()
	cs, err := readPNGChunks(p)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(pngSig)
	for i, c := range cs {
		if c.Type == "IEND" {
			writeChunks(&b, after)
		}
		writeChunk(&b, c)
		if i == 0 {
			writeChunks(&b, before)
		}
	}
	return b.Bytes()
}

func richPNG(t testing.TB, icc []byte) []byte {
	return withChunks(t, encodePNG(t, testImage(10, 6)), []PNGChunk{
		{"gAMA", binary.BigEndian.AppendUint32(nil, 45455)},
		{"cHRM", make([]byte, 32)},
		{"iCCP", append([]byte("test\x00\x00"), deflate(icc)...)},
		{"sRGB", []byte{0}},
		{"pHYs", []byte{0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}},
		{"eXIf", exifBE},
		{"tEXt", []byte("Author\x00Aig\xe9rim")},
		{"bKGD", []byte{0, 1, 0, 2, 0, 3}},
	}, []PNGChunk{
		{"zTXt", append([]byte("Comment\x00\x00"), deflate([]byte("zipped"))...)},
		xmpITXt(oldXMP),
		{"tIME", []byte{7, 0xE9, 1, 2, 3, 4, 5}},
		{"caBX", []byte("jumbf")},
	})
}

func paletted() image.Image {
	pal := color.Palette{color.NRGBA{0, 0, 0, 0}, color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 0, 255, 128}}
	m := image.NewPaletted(image.Rect(0, 0, 5, 5), pal)
	for i := range m.Pix {
		m.Pix[i] = uint8(i % 3)
	}
	return m
}

func TestPNGParse(t *testing.T) {
	info, err := ParsePNG(richPNG(t, rgbICC))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(info.ICC, rgbICC) || info.ICCName != "test" || info.Gamma != 45455 || info.SRGBIntent != 0 {
		t.Errorf("colour chunks: ICC %d bytes %q, gamma %d, sRGB %d", len(info.ICC), info.ICCName, info.Gamma, info.SRGBIntent)
	}
	if info.Phys == nil || info.Phys.X != 2835 || len(info.Chromaticities) != 8 || info.Orientation() != 8 {
		t.Errorf("pHYs %+v, cHRM %v, orientation %d", info.Phys, info.Chromaticities, info.Orientation())
	}
	if !bytes.Equal(info.XMP, oldXMP) {
		t.Errorf("XMP %q", info.XMP)
	}
	var texts []string
	for _, x := range info.Text {
		texts = append(texts, x.Chunk+":"+x.Keyword+"="+x.Text[:min(6, len(x.Text))])
	}
	if got := strings.Join(texts, ","); got != "tEXt:Author=Aigér,zTXt:Comment=zipped,iTXt:XML:com.adobe.xmp=<?xpac" {
		t.Errorf("texts %s", got)
	}
}

func TestPNGSplice(t *testing.T) {
	for _, c := range []struct {
		name    string
		src     []byte
		enc     image.Image
		keepICC bool
		order   string // chunk types of the output, IDATs folded
	}{
		{"rgb into rgba", richPNG(t, rgbICC), testImage(7, 7), true, "IHDR gAMA cHRM iCCP sRGB pHYs eXIf tEXt zTXt iTXt IDAT IEND"},
		{"rgb into palette", richPNG(t, rgbICC), paletted(), true, "IHDR gAMA cHRM iCCP sRGB PLTE tRNS pHYs eXIf tEXt zTXt iTXt IDAT IEND"},
		{"grey profile into rgb", richPNG(t, makeICC("GRAY", "g")), testImage(4, 4), false, "IHDR gAMA cHRM sRGB pHYs eXIf tEXt zTXt iTXt IDAT IEND"},
		{"plain source", encodePNG(t, image.NewGray(image.Rect(0, 0, 3, 3))), image.NewGray(image.Rect(0, 0, 3, 3)), false, "IHDR iTXt IDAT IEND"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := ParsePNG(c.src)
			if err != nil {
				t.Fatal(err)
			}
			xmp := newXMP(t, src.XMP)
			var out bytes.Buffer
			notes, err := SplicePNG(&out, encodePNG(t, c.enc), src, xmp)
			if err != nil {
				t.Fatal(err)
			}
			checkPNGOutput(t, out.Bytes(), src, xmp, c.keepICC, c.order)
			if c.name != "plain source" && !strings.Contains(strings.Join(notes, "\n"), "C2PA") {
				t.Errorf("notes %q lack the C2PA drop", notes)
			}
		})
	}
}

func checkPNGOutput(t *testing.T, out []byte, src *PNGInfo, xmp []byte, keepICC bool, order string) {
	t.Helper()
	got, err := ParsePNG(out)
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	if _, err := png.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("output does not decode: %v", err)
	}
	cs, _ := readPNGChunks(out)
	var types []string
	for _, c := range cs {
		if c.Type != "IDAT" || types[len(types)-1] != "IDAT" {
			types = append(types, c.Type)
		}
	}
	if got := strings.Join(types, " "); got != order {
		t.Errorf("chunks\n %s\nwant\n %s", got, order)
	}
	if !bytes.Equal(got.XMP, xmp) || countXMP(out) != 1 {
		t.Errorf("XMP not replaced once (%d packets)", countXMP(out))
	}
	if keepICC != (got.ICC != nil) || (keepICC && !bytes.Equal(got.ICC, src.ICC)) || !bytes.Equal(got.EXIF, src.EXIF) {
		t.Errorf("ICC carried %v (want %v), EXIF equal %v", got.ICC != nil, keepICC, bytes.Equal(got.EXIF, src.EXIF))
	}
}

func TestPNGImageMagickRawXMP(t *testing.T) {
	h := hex.EncodeToString(oldXMP)
	raw := "\nxmp\n    " + strconv.Itoa(len(oldXMP)) + "\n" + h[:70] + "\n" + h[70:] + "\n"
	src := withChunks(t, encodePNG(t, testImage(3, 3)), nil, []PNGChunk{{"zTXt", append([]byte(rawProfileKeyword+"\x00\x00"), deflate([]byte(raw))...)}})
	info, err := ParsePNG(src)
	if err != nil || !bytes.Equal(info.XMP, oldXMP) {
		t.Fatalf("raw profile XMP %q, err %v", info.XMP, err)
	}
	var out bytes.Buffer
	if _, err := SplicePNG(&out, encodePNG(t, testImage(3, 3)), info, newXMP(t, info.XMP)); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out.Bytes(), []byte(rawProfileKeyword)) {
		t.Error("the old raw profile was kept beside the new XMP")
	}
}

func TestPNGBroken(t *testing.T) {
	good := encodePNG(t, testImage(4, 4))
	badCRC := slices.Clone(good)
	badCRC[len(pngSig)+8+13] ^= 1
	for _, c := range []brokenCase{
		{"not png", []byte("GIF89a"), "no PNG signature"},
		{"bad crc", badCRC, "CRC mismatch"},
		{"truncated", good[:len(good)-12], "without IEND"},
		{"length past end", good[:45], "runs past the end"},
		{"bad type", withChunks(t, good, []PNGChunk{{"a1b2", nil}}, nil), "bad chunk type"},
		{"idat first", append(slices.Clone(pngSig), good[len(good)-12:]...), "not IHDR"},
	} {
		if _, err := ParsePNG(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := SplicePNG(&bytes.Buffer{}, badCRC, nil, []byte("x")); err == nil {
		t.Error("splicing into a corrupt encoding was accepted")
	}
}
