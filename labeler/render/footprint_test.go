package render

import (
	"fmt"
	"image"
	"image/draw"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

// footprintFrames are the aspect ratios issue 10 pins, at photo and
// video sizes.
var footprintFrames = []struct {
	name string
	w, h int
}{
	{"3:2", 1800, 1200}, {"2:3", 1000, 1500}, {"1:1", 1080, 1080}, {"16:9", 1920, 1080},
}

// footprintLimit is the share of the frame (%) the default compact label
// may cover: 7 % of a 3:2, 2:3 or 16:9 frame and 9 % of a square one
// with kk+ru (or one of them), 4 % of the non-square frames with English
// alone. A square frame gives English no room to reach 4 % at a 5 % cap
// height (the word alone is 7 cap heights wide), so it is held to 9 %.
func footprintLimit(frame string, langs []labeler.Lang) float64 {
	switch {
	case frame == "1:1":
		return 9
	case len(langs) == 1 && langs[0] == labeler.English:
		return 4
	}
	return 7
}

// TestCompactFootprint pins the default label's footprint on every
// aspect ratio and language set: its box and the bounding box of the
// pixels it changed stay within the limits, its cap height is at least
// 5 % of the shorter side, and its text keeps 4.5:1 against the box.
func TestCompactFootprint(t *testing.T) {
	for _, fr := range footprintFrames {
		for _, langs := range [][]labeler.Lang{{"kk"}, {"ru"}, {"en"}, {"kk", "ru"}} {
			spec := labeler.DefaultSpec()
			spec.Langs = langs
			fp := measureFootprint(t, spec, fr.w, fr.h)
			limit := footprintLimit(fr.name, langs)
			t.Logf("%-5s %-6s box %5.2f%%  changed %5.2f%%  cap %.2f%%  contrast %.1f:1",
				fr.name, labeler.JoinLangs(langs), fp.box, fp.changed, fp.cap, fp.contrast)
			if fp.box > limit || fp.changed > limit {
				t.Errorf("%s %v: box %.2f%%, changed pixels %.2f%% of the frame, limit %g%%", fr.name, langs, fp.box, fp.changed, limit)
			}
			if fp.cap < 5-1e-9 || fp.contrast < MinContrast {
				t.Errorf("%s %v: cap height %.2f%% (want ≥ 5), contrast %.2f (want ≥ 4.5)", fr.name, langs, fp.cap, fp.contrast)
			}
		}
	}
}

// footprint is how much of a frame a label takes, in percent of the
// frame (box, changed pixels) and of the shorter side (cap).
type footprint struct {
	box, changed, cap, contrast float64
}

// measureFootprint labels a backdrop and measures what changed, as the
// issue measured real photos: the bounding box of every changed pixel.
func measureFootprint(t testing.TB, spec labeler.Spec, w, h int) footprint {
	t.Helper()
	img := backdrop(w, h)
	orig := image.NewRGBA(img.Rect)
	copy(orig.Pix, img.Pix)
	l, err := Plan(spec, w, h)
	if err != nil {
		t.Fatal(err)
	}
	bg := Measure(img, l.Rect)
	patch, col, err := l.Draw(bg)
	if err != nil {
		t.Fatal(err)
	}
	draw.Draw(img, l.Rect, patch, image.Point{}, draw.Over)
	changed := changedBounds(orig, img)
	a := float64(col.Box.A) / 255
	return footprint{
		box:     l.Area(),
		changed: 100 * float64(changed.Dx()*changed.Dy()) / float64(w*h),
		cap:     100 * l.Cap / float64(min(w, h)),
		contrast: min(Contrast(col.Text, Blend(col.Box, bg.Darkest, a)), Contrast(col.Text, Blend(col.Box, bg.Brightest, a)),
			Contrast(chipInk(col.Text), col.Text)),
	}
}

// changedBounds is the bounding box of the pixels that differ.
func changedBounds(a, b *image.RGBA) image.Rectangle {
	var r image.Rectangle
	for y := a.Rect.Min.Y; y < a.Rect.Max.Y; y++ {
		for x := a.Rect.Min.X; x < a.Rect.Max.X; x++ {
			i := a.PixOffset(x, y)
			if a.Pix[i] != b.Pix[i] || a.Pix[i+1] != b.Pix[i+1] || a.Pix[i+2] != b.Pix[i+2] {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// ExampleLayout_Area shows the share of a 3:2 photo the default label
// covers.
func ExampleLayout_Area() {
	l, _ := Plan(labeler.DefaultSpec(), 6000, 4000)
	fmt.Printf("%s: %.1f %% of the frame, text %.0f px high\n", l.Style, l.Area(), l.Cap)
	// Output: compact: 5.7 % of the frame, text 200 px high
}
