package image

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	pngenc "image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/belgi-kz/belgi/internal/libheif"
	"github.com/belgi-kz/belgi/labeler"
)

// TestSignalToRGB: limited range maps 16 and 235 to black and white, and
// each matrix turns its own encoding of a colour back into that colour
// (encoded here by H.273's forward equations, not by toRGB's inverse).
func TestSignalToRGB(t *testing.T) {
	colours := [][3]float64{{0, 0, 0}, {255, 255, 255}, {200, 30, 40}, {20, 180, 60}, {35, 70, 220}, {128, 128, 128}}
	for _, s := range []signal{
		{fullRange: false, kr: 0.299, kb: 0.114},
		{fullRange: false, kr: 0.2126, kb: 0.0722},
		{fullRange: true, kr: 0.2126, kb: 0.0722},
		{fullRange: true, kr: 0.2627, kb: 0.0593},
	} {
		m := image.NewYCbCr(image.Rect(0, 0, len(colours), 1), image.YCbCrSubsampleRatio444)
		for i, c := range colours {
			m.Y[i], m.Cb[i], m.Cr[i] = encode(s, c)
		}
		out := s.toRGB(m)
		for i, c := range colours {
			for k := range 3 {
				if d := math.Abs(float64(out.Pix[4*i+k]) - c[k]); d > 2 {
					t.Errorf("%+v: colour %v came back as %v", s, c, out.Pix[4*i:4*i+3])
					break
				}
			}
		}
	}
}

// encode is H.273's RGB to YCbCr for 8 bits.
func encode(s signal, c [3]float64) (y, cb, cr uint8) {
	r, g, b := c[0]/255, c[1]/255, c[2]/255
	ey := s.kr*r + (1-s.kr-s.kb)*g + s.kb*b
	ecb, ecr := (b-ey)/(2*(1-s.kb)), (r-ey)/(2*(1-s.kr))
	if s.fullRange {
		return round8(255 * ey), round8(128 + 255*ecb), round8(128 + 255*ecr)
	}
	return round8(16 + 219*ey), round8(128 + 224*ecb), round8(128 + 224*ecr)
}

// TestFixSignal: a picture whose file signals nothing passes through, and
// a limited-range flag on full-range samples is not believed.
func TestFixSignal(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 64, 64), image.YCbCrSubsampleRatio420)
	if got := fixSignal(m, []byte("not a HEIF file")); got != image.Image(m) {
		t.Error("a picture with no signal was converted")
	}
	rgba := image.NewRGBA(m.Rect)
	if got := fixSignal(rgba, nil); got != image.Image(rgba) {
		t.Error("an RGBA picture was converted")
	}
	for i := range m.Y {
		m.Y[i] = uint8(40 + i%150)
	}
	if outsideLimited(m.Y) {
		t.Error("limited-range luma called full")
	}
	for i := 0; i < len(m.Y); i += 50 {
		m.Y[i] = 2 // 2 % of the picture far below black
	}
	if !outsideLimited(m.Y) {
		t.Error("luma far below black not noticed")
	}
}

// TestDecodeNativeFirst: the built-in decoder takes over whenever the
// native one fails, except after a crash when it would run the same kind
// of library in-process.
func TestDecodeNativeFirst(t *testing.T) {
	pic := image.NewRGBA(image.Rect(0, 0, 2, 2))
	crash := func([]byte) (image.Image, error) {
		return nil, fmt.Errorf("libheif: %w: signal: segmentation fault", libheif.ErrCrashed)
	}
	refuse := func([]byte) (image.Image, error) { return nil, errors.New("libheif: not a HEIF file") }
	for _, c := range []struct {
		name      string
		native    func([]byte) (image.Image, error)
		inProcess bool
		builtin   bool // whether the built-in decoder must run
	}{
		{"refused, WebAssembly", refuse, false, true},
		{"refused, in-process", refuse, true, true},
		{"crashed, WebAssembly", crash, false, true},
		{"crashed, in-process", crash, true, false},
		{"unavailable, in-process", func([]byte) (image.Image, error) { return nil, libheif.ErrUnavailable }, true, true},
	} {
		ran := false
		b := builtin{func(io.Reader) (image.Image, error) { ran = true; return pic, nil }, c.inProcess}
		img, err := decodeNativeFirst(strings.NewReader("data"), c.native, b)
		if ran != c.builtin || (c.builtin && img != image.Image(pic)) || (!c.builtin && !errors.Is(err, libheif.ErrCrashed)) {
			t.Errorf("%s: built-in ran %v, picture %v, error %v", c.name, ran, img != nil, err)
		}
	}
}

// TestTransparentHEIFOnWhite: a HEIC or AVIF with transparency (made by
// libvips) is written as JPEG flattened onto white, as an editor saves
// one, not onto black; through libheif and through the built-in decoder.
func TestTransparentHEIFOnWhite(t *testing.T) {
	dir := t.TempDir()
	pic := image.NewNRGBA(image.Rect(0, 0, 320, 240))
	for y := range 240 {
		for x := range 160 { // the left half red, the right half transparent
			pic.SetNRGBA(x, y, color.NRGBA{0xC0, 0x20, 0x30, 0xFF})
		}
	}
	png := filepath.Join(dir, "src.png")
	var buf bytes.Buffer
	if err := pngenc.Encode(&buf, pic); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(png, buf.Bytes(), 0o644)
	for _, c := range []struct{ ext, compression string }{{"heic", "hevc"}, {"avif", "av1"}} {
		in := filepath.Join(dir, c.ext, "sticker."+c.ext)
		os.MkdirAll(filepath.Dir(in), 0o755)
		if out, err := exec.Command("vips", "heifsave", png, in, "--compression", c.compression).CombinedOutput(); err != nil {
			t.Fatalf("vips heifsave: %v\n%s", err, out)
		}
		for _, builtin := range []bool{false, true} {
			if builtin && c.ext == "heic" {
				continue // gen2brain's HEIC decoder gives no alpha: nothing to flatten
			}
			t.Run(fmt.Sprintf("%s builtin=%v", c.ext, builtin), func(t *testing.T) {
				if builtin {
					t.Setenv(libheif.DisableEnv, "1")
				}
				spec := labeler.DefaultSpec()
				spec.Out.Dir = t.TempDir()
				res := labeler.NewRegistry(New()).Process(context.Background(), spec, labeler.Input{Path: in}, nil)
				if res.Status != labeler.StatusOK {
					t.Fatal(res.Err)
				}
				if !strings.Contains(strings.Join(res.Notes, ";"), "flattened onto white") {
					t.Errorf("notes %v do not say the transparency went", res.Notes)
				}
				out := decodeFile(t, res.Output)
				for _, p := range []struct {
					x, y int
					want [3]int
				}{{250, 30, [3]int{255, 255, 255}}, {40, 120, [3]int{0xC0, 0x20, 0x30}}} {
					r, g, b, _ := out.At(p.x, p.y).RGBA()
					if got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}; diff(got, p.want) > 30 {
						t.Errorf("(%d,%d) is %v; want about %v", p.x, p.y, got, p.want)
					}
				}
			})
		}
	}
}

// decodeFile decodes a picture file by its format.
func decodeFile(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
