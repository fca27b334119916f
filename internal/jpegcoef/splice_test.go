package jpegcoef

import (
	"errors"
	"image"
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
