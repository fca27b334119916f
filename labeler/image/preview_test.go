package image

import (
	"bytes"
	"image"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/belgi-kz/belgi/internal/jpegenc"
	"github.com/belgi-kz/belgi/internal/samples"
)

// rgbCodedJPEG has three components stored as R, G, B (Adobe transform
// 0): image/jpeg reads it, the 1/8 decoder refuses it, so the preview
// must fall back to the full decode.
func rgbCodedJPEG(t testing.TB, img *image.RGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	q, _ := jpegenc.StandardTables(90)
	f := &jpegenc.Frame{Width: w, Height: h}
	f.Quant[0] = &q
	for c := range 3 {
		pix := make([]byte, w*h)
		for i := range pix {
			pix[i] = img.Pix[4*i+c]
		}
		f.Components = append(f.Components, jpegenc.Component{ID: "RGB"[c], H: 1, V: 1, Pix: pix, Stride: w})
	}
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xD8})
	b.Write(jpegenc.AdobeAPP14())
	if err := jpegenc.EncodeSegments(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPreviewDecodeScale: big JPEGs are previewed from the 1/8 decode
// (the base is the 1/8 size, or fitted below the limit), middling ones
// from the 1/4 decode, small ones and variants the fast paths refuse
// from the full decode, and the original's displayed size and
// orientation are kept either way.
func TestPreviewDecodeScale(t *testing.T) {
	pic := scene(400, 300)
	tests := []struct {
		name       string
		data       []byte
		limit      int
		base, full image.Point
	}{
		{"1/8 as is", samples.JPEG(pic, 90, 1), 64, image.Pt(50, 38), image.Pt(400, 300)},
		{"1/8 turned", samples.JPEG(pic, 90, 6), 64, image.Pt(38, 50), image.Pt(300, 400)},
		{"1/8 then fitted", samples.JPEG(pic, 90, 1), 40, image.Pt(40, 30), image.Pt(400, 300)},
		{"1/8 CMYK", cmykJPEG(t, pic), 64, image.Pt(50, 38), image.Pt(400, 300)},
		{"1/4 as is", samples.JPEG(pic, 90, 1), 128, image.Pt(100, 75), image.Pt(400, 300)},
		{"1/4 turned", samples.JPEG(pic, 90, 6), 128, image.Pt(75, 100), image.Pt(300, 400)},
		{"1/4 CMYK: full decode", cmykJPEG(t, pic), 128, image.Pt(128, 96), image.Pt(400, 300)},
		{"small: full decode", samples.JPEG(pic, 90, 1), 256, image.Pt(256, 192), image.Pt(400, 300)},
		{"RGB-coded: fallback", rgbCodedJPEG(t, pic), 64, image.Pt(64, 48), image.Pt(400, 300)},
		{"PNG", samples.PNG(pic), 64, image.Pt(64, 48), image.Pt(400, 300)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := LoadPreview(path, tc.limit, 200)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.base.Rect.Size(); got != tc.base {
				t.Errorf("preview is %v, want %v", got, tc.base)
			}
			if p.Size() != tc.full {
				t.Errorf("original's displayed size %v, want %v", p.Size(), tc.full)
			}
		})
	}
}

// TestPreviewEighthIsBlockMeans: the fast path's pixels are the full
// decode's 8×8 block means, to within rounding.
func TestPreviewEighthIsBlockMeans(t *testing.T) {
	data := samples.JPEG(scene(400, 300), 90, 1)
	path := filepath.Join(t.TempDir(), "in.jpg")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadPreview(path, 64, 200)
	if err != nil {
		t.Fatal(err)
	}
	full, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(full.Bounds())
	draw.Draw(rgba, rgba.Rect, full, image.Point{}, draw.Src)
	var sum, n int
	for y := range p.base.Rect.Dy() {
		for x := range p.base.Rect.Dx() {
			for c := range 3 {
				sum += absInt(int(p.base.Pix[p.base.PixOffset(x, y)+c]) - blockMean(rgba, x, y, c))
				n++
			}
		}
	}
	if mean := float64(sum) / float64(n); mean > 3 {
		t.Errorf("mean |difference| from the block means %.2f levels, want ≤ 3", mean)
	}
}

func blockMean(img *image.RGBA, bx, by, c int) int {
	sum := 0
	for y := by * 8; y < by*8+8; y++ {
		for x := bx * 8; x < bx*8+8; x++ {
			px, py := min(x, img.Rect.Dx()-1), min(y, img.Rect.Dy()-1)
			sum += int(img.Pix[img.PixOffset(px, py)+c])
		}
	}
	return (sum + 32) / 64
}

func absInt(v int) int { return max(v, -v) }
