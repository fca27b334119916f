package image

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"testing"

	"github.com/belgi-kz/belgi/internal/samples"
	"github.com/belgi-kz/belgi/labeler"
	"github.com/belgi-kz/belgi/labeler/render"
)

// stored turns an upright picture into what a camera stores for the given
// EXIF orientation.
func stored(up image.Image, o int) *image.RGBA {
	dw, dh := up.Bounds().Dx(), up.Bounds().Dy()
	sw, sh := render.DisplaySize(dw, dh, o)
	out := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			sx, sy := render.StoredPoint(x, y, dw, dh, o)
			out.Set(sx, sy, up.At(x, y))
		}
	}
	return out
}

// TestOrientationLabelAtDisplayedCorner: for EXIF orientations 1–8 the
// label sits at the bottom-right of the picture as displayed, the stored
// size and the orientation tag are unchanged.
func TestOrientationLabelAtDisplayedCorner(t *testing.T) {
	up := scene(300, 200)
	for o := 1; o <= 8; o++ {
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			st := stored(up, o)
			in := samples.JPEG(st, 95, o)
			outPath := labelBytes(t, "o.jpg", in, labeler.DefaultSpec())
			data, _ := os.ReadFile(outPath)
			if got := orientationOf(fmtJPEG, data); got != o {
				t.Fatalf("orientation tag %d, want %d", got, o)
			}
			out, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if out.Bounds() != st.Bounds() {
				t.Fatalf("stored size %v, want %v", out.Bounds(), st.Bounds())
			}
			before := samplesAt(st, o)
			after := samplesAt(out, o)
			if diff(before.bottomRight, after.bottomRight) < 40 {
				t.Errorf("displayed bottom-right barely changed (%v -> %v): label is not there", before.bottomRight, after.bottomRight)
			}
			if diff(before.topLeft, after.topLeft) > 12 {
				t.Errorf("displayed top-left changed (%v -> %v): label landed in the wrong corner", before.topLeft, after.topLeft)
			}
		})
	}
}

type corners struct{ topLeft, bottomRight [3]int }

// samplesAt reads the mean colour near the displayed top-left and
// bottom-right corners of a stored picture.
func samplesAt(img image.Image, o int) corners {
	sw, sh := img.Bounds().Dx(), img.Bounds().Dy()
	dw, dh := render.DisplaySize(sw, sh, o)
	mean := func(x0, y0 int) [3]int {
		var s [3]int
		for y := y0; y < y0+10; y++ {
			for x := x0; x < x0+10; x++ {
				sx, sy := render.StoredPoint(x, y, dw, dh, o)
				r, g, b, _ := img.At(sx, sy).RGBA()
				s[0], s[1], s[2] = s[0]+int(r>>8), s[1]+int(g>>8), s[2]+int(b>>8)
			}
		}
		return [3]int{s[0] / 100, s[1] / 100, s[2] / 100}
	}
	return corners{topLeft: mean(2, 2), bottomRight: mean(dw-30, dh-22)}
}

func diff(a, b [3]int) int {
	d := 0
	for i := range a {
		d += max(a[i]-b[i], b[i]-a[i])
	}
	return d
}
