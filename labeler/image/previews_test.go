package image

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"testing"

	"github.com/belgi-kz/belgi/internal/meta"
	xdraw "golang.org/x/image/draw"
)

// embedded is a picture found inside a file: where, and decoded.
type embedded struct {
	at  int
	img image.Image
}

// embeddedPictures finds every JPEG or PNG stream inside out, past its
// first byte (the file itself): what exiftool -b or a byte carver could
// pull out and show. Only streams that decode count.
func embeddedPictures(out []byte) []embedded {
	var found []embedded
	for p := 1; p < len(out); p++ {
		i := bytes.IndexAny(out[p:], "\xff\x89")
		if i < 0 {
			break
		}
		p += i
		var img image.Image
		switch {
		case bytes.HasPrefix(out[p:], []byte{0xFF, 0xD8, 0xFF}):
			f, err := meta.WalkJPEG(out[p:])
			if err != nil || f.Frames() == 0 || f.Scans() == 0 {
				continue
			}
			img, _ = decode(fmtJPEG, out[p:p+f.EOI+2])
		case bytes.HasPrefix(out[p:], []byte("\x89PNG\r\n\x1a\n")):
			img, _ = png.Decode(bytes.NewReader(out[p:]))
		}
		if img != nil {
			found = append(found, embedded{p, img})
		}
	}
	return found
}

// meanDiff is the mean absolute difference per channel (0-255) between
// a and b scaled to a's size.
func meanDiff(a, b image.Image) float64 {
	r := a.Bounds()
	sb := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	// A filtered reduction, as a thumbnail is: point-sampling the big
	// picture (ApproxBiLinear) would measure aliasing, not the label.
	xdraw.BiLinear.Scale(sb, sb.Rect, b, b.Bounds(), xdraw.Src, nil)
	sa := image.NewRGBA(sb.Rect)
	xdraw.Copy(sa, image.Point{}, a, r, xdraw.Src, nil)
	var sum float64
	for i := range sa.Pix {
		if i%4 == 3 {
			continue
		}
		d := int(sa.Pix[i]) - int(sb.Pix[i])
		sum += float64(max(d, -d))
	}
	return sum / float64(len(sa.Pix)/4*3)
}

// checkPreviews fails unless every picture embedded in out shows the
// label: it must look like the labeled picture, and more like it than
// like the unlabeled source.
func checkPreviews(t testing.TB, out []byte, labeled, source image.Image) []string {
	t.Helper()
	var seen []string
	for _, e := range embeddedPictures(out) {
		toOut, toSrc := meanDiff(e.img, labeled), meanDiff(e.img, source)
		seen = append(seen, fmt.Sprintf("%dx%d at byte %d", e.img.Bounds().Dx(), e.img.Bounds().Dy(), e.at))
		if toOut >= toSrc || toOut > 12 {
			t.Errorf("embedded %s does not show the label (differs %.1f from the output, %.1f from the source)", seen[len(seen)-1], toOut, toSrc)
		}
	}
	return seen
}
