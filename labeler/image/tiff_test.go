package image

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegenc"
	"github.com/belgi-kz/belgi/internal/meta"
	"github.com/belgi-kz/belgi/internal/samples"
)

// cut returns the pieces of img a TIFF stores, each padded to the full
// piece size by repeating edge pixels as libtiff does.
func cut(img image.Image, tw, th int) []image.Image {
	b := img.Bounds()
	var out []image.Image
	for y := 0; y < b.Dy(); y += th {
		for x := 0; x < b.Dx(); x += tw {
			p := image.NewRGBA(image.Rect(0, 0, tw, th))
			for py := range th {
				for px := range tw {
					p.Set(px, py, img.At(min(x+px, b.Dx()-1), min(y+py, b.Dy()-1)))
				}
			}
			out = append(out, p)
		}
	}
	return out
}

// abbreviated encodes each piece with enc and keeps the tables apart,
// the way libtiff writes a JPEG-compressed TIFF.
func abbreviated(pieces []image.Image, enc func(image.Image) []byte) (tables []byte, segs [][]byte) {
	for _, p := range pieces {
		t, rest := samples.SplitTables(enc(p))
		tables, segs = t, append(segs, rest)
	}
	return tables, segs
}

func stdJPEG(p image.Image) []byte { return samples.JPEG(p, 95, 0) }

// planesJPEG stores three planes without a colour transform and with
// component ids 1..3: how libtiff codes RGB, and (with four planes, not
// inverted) CMYK.
func planesJPEG(t testing.TB, cmyk bool) func(image.Image) []byte {
	return func(p image.Image) []byte {
		luma, _ := jpegenc.StandardTables(95)
		var f *jpegenc.Frame
		if cmyk {
			c := samples.CMYK(p)
			invert(c.Pix) // jpegenc stores CMYK inverted; TIFF does not
			f = jpegenc.FromCMYK(c, &luma)
		} else {
			y := image.NewYCbCr(p.Bounds(), image.YCbCrSubsampleRatio444)
			for i := range y.Y {
				r, g, b, _ := p.At(i%p.Bounds().Dx(), i/p.Bounds().Dx()).RGBA()
				y.Y[i], y.Cb[i], y.Cr[i] = uint8(r>>8), uint8(g>>8), uint8(b>>8)
			}
			var err error
			if f, err = jpegenc.FromYCbCr(y, &luma, &luma); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := jpegenc.EncodeSegments(&b, f); err != nil {
			t.Fatal(err)
		}
		return append([]byte{0xFF, 0xD8}, b.Bytes()...)
	}
}

// jpegTIFFCases are JPEG-compressed TIFFs as scanners, GDAL and libtiff
// write them, reduced from the corpus's pillow_* files.
func jpegTIFFCases(t testing.TB) map[string][]byte {
	pic := scene(40, 30)
	strips := func(enc func(image.Image) []byte, photometric, samples_ uint16) []byte {
		tables, segs := abbreviated(cut(pic, 40, 16), enc)
		return samples.JPEGTIFF(samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: photometric, Samples: samples_,
			TileH: 16, Tables: tables, Segments: segs})
	}
	tables, tiles := abbreviated(cut(pic, 16, 16), stdJPEG)
	gray := samples.Gray(pic)
	return map[string][]byte{
		"strips, shared tables": strips(stdJPEG, 6, 3),
		"tiles cut at the edge": samples.JPEGTIFF(samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 6, Samples: 3,
			TileW: 16, TileH: 16, Tables: tables, Segments: tiles, Extra: []samples.TIFFField{samples.Short(530, 2, 2)}}),
		"RGB planes":        strips(planesJPEG(t, false), 2, 3),
		"CMYK not inverted": strips(planesJPEG(t, true), 5, 4),
		"grey, whole streams": samples.JPEGTIFF(samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 1, Samples: 1,
			TileH: 30, Segments: [][]byte{samples.JPEG(gray, 95, 0)}}),
		"old-style": samples.JPEGTIFF(samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 6, Samples: 3,
			TileH: 30, Segments: [][]byte{stdJPEG(pic)}, OldStyle: true}),
	}
}

// TestJPEGCompressedTIFFDecodes: every layout decodes to the picture.
func TestJPEGCompressedTIFFDecodes(t *testing.T) {
	pic := scene(40, 30)
	for name, data := range jpegTIFFCases(t) {
		m, err := decode(fmtTIFF, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := image.Image(pic)
		if strings.HasPrefix(name, "grey") {
			want = samples.Gray(pic)
		}
		// A wrong colour model is off by 50 or more; 4:2:0 chroma on a
		// small detailed scene costs a few levels.
		if d := meanDiff(want, m); m.Bounds().Dx() != 40 || m.Bounds().Dy() != 30 || d > 8 {
			t.Errorf("%s: %v, mean difference %.1f from the picture", name, m.Bounds(), d)
		}
		if cfg, err := decodeConfig(fmtTIFF, data); err != nil || cfg.Width != 40 || cfg.Height != 30 {
			t.Errorf("%s: config %+v, %v", name, cfg, err)
		}
	}
}

// TestJPEGCompressedTIFFLabeled: the output is a JPEG-compressed TIFF
// again, and libtiff (through ImageMagick) reads it without a warning,
// seeing the pixels Belgi wrote.
func TestJPEGCompressedTIFFLabeled(t *testing.T) {
	_, err := exec.LookPath("convert")
	for name, data := range jpegTIFFCases(t) {
		res := labelResult(t, "scan.tif", data)
		out, _ := os.ReadFile(res.Output)
		l, lerr := meta.ParseTIFFLayout(out)
		if lerr != nil || l.Compression != tiffJPEG {
			t.Errorf("%s: output layout %+v, %v", name, l, lerr)
			continue
		}
		if err != nil {
			continue
		}
		ours, derr := decode(fmtTIFF, out)
		theirs, merr := exec.Command("convert", "-regard-warnings", "tiff:"+res.Output, "-alpha", "off", "png:-").Output()
		m, perr := decode(fmtPNG, theirs)
		if derr != nil || merr != nil || perr != nil {
			t.Errorf("%s: ours %v, ImageMagick %v %v", name, derr, merr, perr)
			continue
		}
		if d := meanDiff(ours, m); d > 4 { // libjpeg's smooth chroma upsampling differs a little
			t.Errorf("%s: ImageMagick sees %.1f mean difference from our decode", name, d)
		}
	}
}

// TestJPEGCompressedTIFFRefused: what image/jpeg cannot decode is
// refused by name, and a file missing strips as damaged.
func TestJPEGCompressedTIFFRefused(t *testing.T) {
	pic := scene(40, 30)
	whole := [][]byte{stdJPEG(pic)}
	for _, c := range []struct {
		name, want string
		spec       samples.JPEGTIFFSpec
	}{
		{"12-bit", "12-bit", samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 6, Samples: 3, TileH: 30, Segments: whole,
			Extra: []samples.TIFFField{samples.Short(258, 12, 12, 12)}}},
		{"planar", "separate colour planes", samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 6, Samples: 3, TileH: 30, Segments: whole,
			Extra: []samples.TIFFField{samples.Short(284, 2)}}},
		{"Lab", "colour model 8", samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 8, Samples: 3, TileH: 30, Segments: whole}},
		{"missing strip", "1 of 2", samples.JPEGTIFFSpec{Width: 40, Height: 30, Photometric: 6, Samples: 3, TileH: 16, Segments: whole}},
	} {
		data := samples.JPEGTIFF(c.spec)
		if _, err := decode(fmtTIFF, data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// FuzzJPEGTIFF: any bytes given to the TIFF decoder give a picture or an
// error, never a panic, and a picture only of the declared size.
func FuzzJPEGTIFF(f *testing.F) {
	for _, data := range jpegTIFFCases(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := decodeConfig(fmtTIFF, data)
		if err != nil || checkSize(cfg, 1, 1) != nil {
			return // the kind refuses it before decoding, as open does
		}
		m, err := decode(fmtTIFF, data)
		if err == nil && (m.Bounds().Dx() != cfg.Width || m.Bounds().Dy() != cfg.Height) {
			t.Fatalf("decoded %v, header said %d×%d", m.Bounds(), cfg.Width, cfg.Height)
		}
	})
}
