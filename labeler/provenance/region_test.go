package provenance

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// label is a dark box with a white bar, at opacity 0.8 outside the bar.
func label(w, h int) *image.RGBA {
	p := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(p, p.Rect, image.NewUniform(color.RGBA{14, 14, 14, 204}), image.Point{}, draw.Src)
	draw.Draw(p, image.Rect(w/4, h/3, 3*w/4, 2*h/3), image.NewUniform(color.RGBA{255, 255, 255, 255}), image.Point{}, draw.Src)
	return p
}

func gradient(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x + y), 255})
		}
	}
	return m
}

// TestRegionMatches: the label over any background matches; the bare
// background, a crop, or a painted-over label does not; a round trip
// through the XMP fields keeps the region.
func TestRegionMatches(t *testing.T) {
	bg := gradient(200, 150)
	patch := label(80, 30)
	at := image.Pt(100, 100)
	r := RegionOf(patch, at, 200, 150)
	shown := gradient(200, 150)
	draw.Draw(shown, patch.Rect.Add(at), patch, image.Point{}, draw.Over)
	cropped := shown.SubImage(image.Rect(0, 0, 190, 150))
	painted := gradient(200, 150)
	cases := []struct {
		name string
		pic  image.Image
		want bool
	}{
		{"labeled", shown, true},
		{"background only", bg, false},
		{"cropped", cropped, false},
		{"painted over", painted, false},
	}
	back, err := ParseRegion(r.String(), r.Cells())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		for _, reg := range []Region{r, back} {
			if got, why := reg.Matches(c.pic); got != c.want {
				t.Errorf("%s: match %v (%s), want %v", c.name, got, why, c.want)
			}
		}
	}
}

// FuzzParseRegion: no field value makes the parser or a match panic.
func FuzzParseRegion(f *testing.F) {
	r := RegionOf(label(40, 20), image.Pt(3, 4), 60, 40)
	r.At = 1.5
	f.Add(r.String(), r.Cells())
	f.Add("0,0,1,1/1x1", "1x1:0000")
	f.Fuzz(func(t *testing.T, rect, cells string) {
		if reg, err := ParseRegion(rect, cells); err == nil {
			reg.Matches(gradient(16, 16))
		}
	})
}
