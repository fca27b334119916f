package render

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/labeler"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// backdrop is a deterministic gradient with texture: light and dark areas
// so automatic contrast has something to decide.
func backdrop(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(40 + 200*x/w), uint8(60 + 150*y/h), uint8((x ^ y) & 0x7f), 255})
		}
	}
	return img
}

func labeled(t *testing.T, spec labeler.Spec, w, h int) *image.RGBA {
	t.Helper()
	img := backdrop(w, h)
	l, err := Plan(spec, w, h)
	if err != nil {
		t.Fatal(err)
	}
	patch, _, err := l.Draw(Measure(img, l.Rect))
	if err != nil {
		t.Fatal(err)
	}
	draw.Draw(img, l.Rect, patch, image.Point{}, draw.Over)
	return img
}

func TestGoldenLabels(t *testing.T) {
	base := labeler.DefaultSpec()
	cases := map[string]func(*labeler.Spec){
		"kk":       func(s *labeler.Spec) { s.Langs = []labeler.Lang{labeler.Kazakh} },
		"ru":       func(s *labeler.Spec) { s.Langs = []labeler.Lang{labeler.Russian} },
		"en":       func(s *labeler.Spec) { s.Langs = []labeler.Lang{labeler.English} },
		"kk-ru":    func(s *labeler.Spec) {},
		"person":   func(s *labeler.Spec) { s.RealPerson = true; s.Langs = []labeler.Lang{labeler.Kazakh, labeler.English} },
		"modified": func(s *labeler.Spec) { s.AI = labeler.Modified; s.Langs = []labeler.Lang{labeler.English} },
		"full":     func(s *labeler.Spec) { s.Style = labeler.StyleFull },
		"mark":     func(s *labeler.Spec) { s.Style = labeler.StyleMark },
		"custom": func(s *labeler.Spec) {
			s.Style, s.Langs, s.Custom = labeler.StyleCustom, []labeler.Lang{labeler.Kazakh}, map[labeler.Lang]string{labeler.Kazakh: "Сурет ЖИ көмегімен өңделді"}
		},
		"no-chip": func(s *labeler.Spec) { s.ShowMark = false },
		"eu":      func(s *labeler.Spec) { labeler.Profiles()[1].Apply(s) },
	}
	for _, p := range labeler.Positions {
		cases["pos-"+string(p)] = func(s *labeler.Spec) { s.Position = p; s.Langs = []labeler.Lang{labeler.English}; s.Size = 3 }
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			spec := base
			edit(&spec)
			checkGolden(t, name, labeled(t, spec, 480, 320))
		})
	}
}

// checkGolden compares with testdata/golden/NAME.png within a small
// per-channel tolerance (font rasterisation may differ by a level or two
// across architectures); -update rewrites the file.
func checkGolden(t *testing.T, name string, got *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".png")
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		png.Encode(f, got)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("missing golden (run go test -update): %v", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != got.Bounds() {
		t.Fatalf("size %v, golden %v", got.Bounds(), want.Bounds())
	}
	bad := 0
	for y := 0; y < got.Rect.Dy(); y++ {
		for x := 0; x < got.Rect.Dx(); x++ {
			if channelDiff(got.At(x, y), want.At(x, y)) > 8 {
				bad++
			}
		}
	}
	if bad > 20 {
		t.Errorf("%d pixels differ from %s by more than 8 levels", bad, path)
	}
}

func channelDiff(a, b color.Color) int {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) int { return max(int(x>>8)-int(y>>8), int(y>>8)-int(x>>8)) }
	return max(d(r1, r2), d(g1, g2), d(b1, b2))
}

// TestContrastOverAnyBackground: whatever lies beneath, the text keeps at
// least 4.5:1 against the box as composited over the worst pixel.
func TestContrastOverAnyBackground(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		dark := color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		light := color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		if luminance(dark) > luminance(light) {
			dark, light = light, dark
		}
		bg := Background{Darkest: dark, Brightest: light, Mean: 0.5}
		for _, auto := range []bool{true, false} {
			c := Resolve(fmt.Sprintf("#%02x%02x%02x", rng.IntN(256), rng.IntN(256), rng.IntN(256)), rng.Float64(), auto, bg)
			a := float64(c.Box.A) / 255
			for _, under := range []color.NRGBA{dark, light} {
				if got := Contrast(c.Text, Blend(c.Box, under, a)); got < MinContrast {
					t.Fatalf("contrast %.2f < 4.5: text %v box %v over %v (auto=%v)", got, c.Text, c.Box, under, auto)
				}
			}
		}
	}
}

// TestCapHeightAtLeastSpec: the text is never smaller than asked unless
// the frame is too small for it, and then the layout says so.
func TestCapHeightAtLeastSpec(t *testing.T) {
	for _, size := range []float64{2, 5, 10, 25} {
		for _, wh := range [][2]int{{6000, 4000}, {1080, 1920}, {800, 800}, {320, 240}} {
			spec := labeler.DefaultSpec()
			spec.Size = size
			l, err := Plan(spec, wh[0], wh[1])
			if err != nil {
				t.Fatal(err)
			}
			want := size / 100 * float64(min(wh[0], wh[1]))
			if l.Cap < want-0.01 && !l.Reduced {
				t.Errorf("size %g on %v: cap %.1f < %.1f without Reduced", size, wh, l.Cap, want)
			}
			if !l.Rect.In(image.Rect(0, 0, wh[0], wh[1])) {
				t.Errorf("size %g on %v: box %v leaves the frame", size, wh, l.Rect)
			}
		}
	}
}

func TestTinyFrames(t *testing.T) {
	l, err := Plan(labeler.DefaultSpec(), 24, 16)
	if err != nil || !l.MarkOnly {
		t.Fatalf("24×16: %v mark-only=%v, want the mark alone", err, l.MarkOnly)
	}
	if _, err := Plan(labeler.DefaultSpec(), 3, 2); err == nil {
		t.Fatal("3×2 frame accepted")
	}
}

func TestInStrictCoversTenPercent(t *testing.T) {
	spec := labeler.DefaultSpec()
	spec.Profile, spec.Langs = "in-strict", []labeler.Lang{labeler.English}
	l, err := Plan(spec, 4000, 3000)
	if err != nil {
		t.Fatal(err)
	}
	if got := float64(l.Rect.Dx()*l.Rect.Dy()) / (4000 * 3000); got < 0.10 {
		t.Errorf("box covers %.1f%% of the frame, want >= 10%%", got*100)
	}
}

func BenchmarkPreviewRerender(b *testing.B) {
	// A 24 MP photo (6000×4000) shown as the app's 1024×683 preview: plan
	// at full size, draw scaled onto a fresh copy of the cached preview.
	cached := backdrop(1024, 683)
	spec := labeler.DefaultSpec()
	shown := image.NewRGBA(cached.Rect)
	for b.Loop() {
		copy(shown.Pix, cached.Pix)
		l, _ := Plan(spec, 6000, 4000)
		s := l.Scaled(1024.0 / 6000)
		patch, _, _ := s.Draw(Measure(shown, s.Rect))
		Over(shown, patch, s.Rect.Min)
	}
}
