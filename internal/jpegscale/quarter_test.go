package jpegscale

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuarterMatchesBoxFilteredFullDecode: every pixel of the 1/4
// picture is close to the mean of its 4×4 box in image/jpeg's full
// decode. The higher odd harmonics it leaves out make it less exact than
// the 1/8 picture, most at sharp edges.
func TestQuarterMatchesBoxFilteredFullDecode(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			data := tc.Make(t)
			if data == nil {
				t.Skip("fixture tool (cjpeg or convert) not installed")
			}
			quarter(t, data, 3, 60)
		})
	}
}

// TestQuarterOnRealPhotos does the same on the corpus's camera JPEGs,
// where it matters: the app previews 12 MP phone photos at 1/4. Photos
// of a megapixel or more, which the app reads at 1/4 or 1/8, must stay
// within 2.5 levels on average. The bound is looser for the corpus's
// 100-pixel photos, which the app decodes in full: their blocks hold
// more detail (up to 7.4 levels, for a file quantised with 16-bit
// tables; leaving the harmonics out altogether, a 1/8 picture enlarged,
// gives up to 21).
func TestQuarterOnRealPhotos(t *testing.T) {
	photos, _ := filepath.Glob("../../../shared/realworld/images/*.[jJ][pP][gG]")
	if len(photos) == 0 {
		t.Fatal("../shared/realworld/images holds no JPEG")
	}
	for _, p := range photos {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		mp := cfg.Width * cfg.Height
		if err == nil && cfg.Height == 0 {
			// The height is in a DNL marker, which neither image/jpeg
			// nor djpeg reads: no reference (jpegcoef's DNL tests cover
			// such files).
			continue
		}
		if err == nil && mp > 3e6 && !strings.Contains(p, "Galaxy_S7") {
			// Full decodes of the bigger photos cost a minute under
			// -race; the Galaxy S7's 12 MP stands for them.
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			meanMax := 8.0
			if err == nil && mp >= 1e6 {
				meanMax = 2.5
			}
			quarter(t, data, meanMax, 80)
			// The same photo made progressive, as pictures from the web
			// are, with jpegtran's default script (luma AC 1–5 first at
			// a point transform of 2, refined later): only the first
			// scans' terms are read, at the midpoint of what the
			// refinements could add.
			prog, err := exec.Command("jpegtran", "-copy", "none", "-progressive", p).Output()
			if len(prog) == 0 { // exit status 2 is a warning about the source, with an output
				t.Fatalf("jpegtran (libjpeg-turbo-progs): %v", err)
			}
			quarter(t, prog, meanMax, 80)
		})
	}
}

// quarter checks DecodeQuarter against the full decode, or that it
// refuses what it does not read.
func quarter(t *testing.T, data []byte, meanMax, maxMax float64) {
	t.Helper()
	full, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		// Go's decoder misreads some valid files (progressive scans with
		// restart markers, a height in a DNL marker): libjpeg-turbo's
		// djpeg is the reference for those.
		compareWithDjpegAt(t, data, DecodeQuarter, 4, meanMax, maxMax)
		return
	}
	small, err := DecodeQuarter(data)
	if errors.Is(err, ErrUnsupported) {
		return // progressive, four components, RGB-coded: the caller decodes in full
	}
	if err != nil {
		t.Fatalf("DecodeQuarter: %v", err)
	}
	fb, sb := full.Bounds(), small.Bounds()
	if sb != image.Rect(0, 0, (fb.Dx()+3)/4, (fb.Dy()+3)/4) {
		t.Fatalf("size %v for a %v picture", sb, fb)
	}
	compareWithin(t, small, full, 4, meanMax, maxMax)
}
