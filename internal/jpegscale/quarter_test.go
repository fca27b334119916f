package jpegscale

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
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
// where it matters: the app previews 12 MP phone photos at 1/4. The
// bound is loose for the corpus's 100-pixel thumbnails-as-photos, whose
// blocks hold more detail (up to 4 levels here; leaving the harmonics
// out altogether, a 1/8 picture enlarged, gives up to 21).
func TestQuarterOnRealPhotos(t *testing.T) {
	photos, _ := filepath.Glob("../../../shared/realworld/images/*.[jJ][pP][gG]")
	if len(photos) == 0 {
		t.Fatal("../shared/realworld/images holds no JPEG")
	}
	for _, p := range photos {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			quarter(t, data, 4.5, 80)
		})
	}
}

// quarter checks DecodeQuarter against the full decode, or that it
// refuses what it does not read.
func quarter(t *testing.T, data []byte, meanMax, maxMax float64) {
	t.Helper()
	full, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Skipf("image/jpeg cannot decode it either: %v", err)
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
