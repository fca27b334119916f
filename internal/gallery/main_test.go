package main

import (
	"image"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
)

// The sheet has every style with every language set, then every profile.
func TestRowsCoverStylesLanguagesAndProfiles(t *testing.T) {
	if got, want := len(rows()), 4*len(labeler.Styles())+len(labeler.Profiles()); got != want {
		t.Errorf("%d rows, want %d", got, want)
	}
}

// The default label meets issue 10's limits on real photographs of every
// aspect ratio — its box and the bounding box of the pixels it changed —
// at a cap height of 5 % of the shorter side. The photographs are the
// corpus's; without it the test says so and stops.
func TestDefaultLabelOnRealPhotographs(t *testing.T) {
	dir := os.Getenv("BELGI_REALWORLD")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "realworld")
	}
	frames := loadFrames(filepath.Join(dir, "images"))
	for _, f := range frames {
		if f.from == "" {
			t.Skipf("the real-world corpus is not at %s", dir)
		}
		limit := 7.0
		if f.w == f.h {
			limit = 9
		}
		tl := label(f, labeler.DefaultSpec())
		t.Logf("%-5s %s: box %.2f %%, changed pixels %.2f %%, cap %.2f %%", f.name, f.from, tl.box, tl.changed, tl.cap)
		if tl.err != nil || tl.box > limit || tl.changed > limit || tl.cap < 5 {
			t.Errorf("%s: box %.2f %%, changed %.2f %% (limit %g), cap %.2f %% (%v)", f.name, tl.box, tl.changed, limit, tl.cap, tl.err)
		}
	}
}

// A 256-colour sheet looks like the full-colour one: dithering keeps the
// mean error per channel small.
func TestQuantizeKeepsTheLook(t *testing.T) {
	img := samples.Scene(240, 160, 3)
	q := quantize(img, 256)
	sum := 0.0
	for y := range 160 {
		for x := range 240 {
			r, g, b, _ := q.At(x, y).RGBA()
			o := img.RGBAAt(x, y)
			sum += math.Abs(float64(r>>8)-float64(o.R)) + math.Abs(float64(g>>8)-float64(o.G)) + math.Abs(float64(b>>8)-float64(o.B))
		}
	}
	if mean := sum / (3 * 240 * 160); mean > 4 || len(q.Palette) > 256 {
		t.Errorf("mean error %.2f levels with %d colours", mean, len(q.Palette))
	}
	if q.Bounds() != image.Rect(0, 0, 240, 160) {
		t.Errorf("bounds %v", q.Bounds())
	}
}
