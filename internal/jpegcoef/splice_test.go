package jpegcoef

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegtest"
)

// labelRect is where the tests draw: the lower right, clear of the edge
// by a few pixels, so edge MCUs and interior MCUs both change.
func labelRect(b image.Rectangle) image.Rectangle {
	w, h := b.Dx(), b.Dy()
	return image.Rect(w*9/16, h*5/8, max(w*9/16+1, w-3), max(h*5/8+1, h-2))
}

// splice opens data, stamps r and encodes.
func splice(t *testing.T, data []byte, r image.Rectangle) ([]byte, *Region, *Picture) {
	t.Helper()
	p, err := Open(data)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	reg, err := p.Decode(r)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	stamp(reg, r)
	out, err := p.Encode(reg)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return out, reg, p
}

// edit splices data and checks the output, with the source's metadata
// put back, with Check.
func edit(t *testing.T, data []byte, r image.Rectangle) ([]byte, image.Rectangle, *Picture) {
	t.Helper()
	out, reg, p := splice(t, data, r)
	out = withApps(p.f, out)
	if err := Check(out); err != nil {
		t.Fatalf("Check of the output: %v", err)
	}
	if err := p.Verify(out); err != nil {
		t.Fatalf("Verify of the output: %v", err)
	}
	return out, reg.Image.Bounds(), p
}

// TestEditKeepsOutside: in every layout, djpeg shows exactly the same
// pixels outside the edited MCUs, and the output passes Check.
func TestEditKeepsOutside(t *testing.T) {
	for _, fx := range append(append([]jpegtest.Fixture{}, jpegtest.Sequential...), jpegtest.Progressive...) {
		t.Run(fx.Name, func(t *testing.T) {
			data := mustMake(t, fx.Make)
			if err := Check(data); err != nil {
				t.Fatalf("Check of the input: %v", err)
			}
			p, _ := Open(data)
			r := labelRect(p.Bounds())
			out, mr, p := edit(t, data, r)
			t.Logf("%d → %d bytes, region %v, notes %q", len(data), len(out), mr, p.Notes())
			a, b := jpegtest.Djpeg(t, data, true), jpegtest.Djpeg(t, out, true)
			if a == nil {
				t.Skip("djpeg not installed")
			}
			if n := jpegtest.DiffOutside(a, b, mr); n > 0 {
				t.Errorf("%d pixels outside %v differ", n, mr)
			}
			if jpegtest.DiffOutside(a, b, image.Rectangle{}) == 0 {
				t.Errorf("nothing changed inside %v", mr)
			}
		})
	}
}

// TestUnsupportedRefused: variants the coefficient path does not rewrite
// are refused with ErrUnsupported, so the caller can fall back.
func TestUnsupportedRefused(t *testing.T) {
	for _, fx := range jpegtest.Unsupported {
		t.Run(fx.Name, func(t *testing.T) {
			data := mustMake(t, fx.Make)
			if _, err := Open(data); !errors.Is(err, ErrUnsupported) {
				t.Fatalf("Open: %v, want ErrUnsupported", err)
			}
		})
	}
}

// TestStreamingChangesNothing: a region decoded once and kept, and the
// same region streamed row by row, give the same bytes.
func TestStreamingChangesNothing(t *testing.T) {
	for _, fx := range jpegtest.Sequential {
		t.Run(fx.Name, func(t *testing.T) {
			data := mustMake(t, fx.Make)
			var outs [2][]byte
			streamed := [2]bool{}
			for i, above := range []int{0, 1 << 40} {
				p, err := Open(data)
				if err != nil {
					t.Fatal(err)
				}
				p.streamAbove = above
				r := labelRect(p.Bounds())
				reg, err := p.Decode(r)
				if err != nil {
					t.Fatal(err)
				}
				streamed[i] = reg.stream != nil
				stamp(reg, r)
				if outs[i], err = p.Encode(reg); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(outs[0], outs[1]) {
				t.Errorf("streamed (%v) and kept (%v) regions give different files", streamed[0], streamed[1])
			}
		})
	}
}

// TestRegionImageShowsThePicture: the region's Image, transformed block
// by block on demand, shows what image/jpeg decodes there (within the
// rounding two IDCTs differ by), streamed or kept.
func TestRegionImageShowsThePicture(t *testing.T) {
	for _, fx := range jpegtest.Sequential {
		data := mustMake(t, fx.Make)
		want, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			continue // a layout image/jpeg does not read
		}
		for _, above := range []int{0, 1 << 40} {
			p, _ := Open(data)
			p.streamAbove = above
			reg, err := p.Decode(labelRect(p.Bounds()))
			if err != nil {
				t.Fatal(err)
			}
			b := reg.Image.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y += 3 {
				for x := b.Min.X; x < b.Max.X; x += 2 {
					if d := colourDiff(reg.Image.At(x, y), want.At(x, y)); d > 3 {
						t.Fatalf("%s (stream %v): at (%d, %d) the region shows %v, image/jpeg %v", fx.Name, reg.stream != nil, x, y, reg.Image.At(x, y), want.At(x, y))
					}
				}
			}
		}
	}
}

// colourDiff is the largest difference of two colours' 8-bit RGBA.
func colourDiff(a, b color.Color) int {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	d := 0
	for _, p := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
		d = max(d, abs(int(p[0]>>8)-int(p[1]>>8)))
	}
	return d
}

func abs(v int) int { return max(v, -v) }
