package jpegcoef

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os/exec"
	"testing"
)

// pnm is a picture as djpeg writes it: P5 (gray) or P6 (RGB).
type pnm struct {
	w, h, ch int
	pix      []byte
}

// djpeg decodes data with libjpeg-turbo's djpeg (fancy upsampling off,
// so a chroma sample affects only the pixels it covers) and fails the
// test if djpeg warns or fails. It returns nil when djpeg is missing.
func djpeg(t testing.TB, data []byte) *pnm {
	t.Helper()
	bin, err := exec.LookPath("djpeg")
	if err != nil {
		return nil
	}
	cmd := exec.Command(bin, "-nosmooth", "-pnm")
	cmd.Stdin = bytes.NewReader(data)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("djpeg: %v: %s", err, stderr.String())
	}
	p, err := parsePNM(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func parsePNM(b []byte) (*pnm, error) {
	var magic string
	var w, h, maxv int
	n, err := fmt.Fscan(bytes.NewReader(b), &magic, &w, &h, &maxv)
	if err != nil || n != 4 || maxv != 255 {
		return nil, fmt.Errorf("not a PNM: %v", err)
	}
	ch := map[string]int{"P5": 1, "P6": 3}[magic]
	hdr := len(fmt.Sprintf("%s\n%d %d\n%d\n", magic, w, h, maxv))
	if ch == 0 || len(b) != hdr+w*h*ch {
		return nil, fmt.Errorf("unexpected PNM %s %d×%d, %d bytes", magic, w, h, len(b))
	}
	return &pnm{w, h, ch, b[hdr:]}, nil
}

// diffOutside counts pixels that differ between a and b outside r.
func diffOutside(a, b *pnm, r image.Rectangle) int {
	n := 0
	for y := range a.h {
		for x := range a.w {
			if (image.Point{x, y}).In(r) {
				continue
			}
			o := (y*a.w + x) * a.ch
			if !bytes.Equal(a.pix[o:o+a.ch], b.pix[o:o+a.ch]) {
				n++
			}
		}
	}
	return n
}

// stamp draws a half-transparent box with an opaque bar over r, as a
// label would: its inside is uniform (blended on coefficients), its bar
// and edges are not (blended in pixels).
func stamp(reg *Region, r image.Rectangle) {
	patch := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(patch, patch.Rect, image.NewUniform(color.NRGBA{20, 20, 20, 200}), image.Point{}, draw.Src)
	bar := image.Rect(2, 2, r.Dx()-2, (r.Dy()+1)/2)
	draw.Draw(patch, bar, image.NewUniform(color.NRGBA{250, 240, 30, 255}), image.Point{}, draw.Src)
	reg.Blend(patch, r.Min, func(img image.Image, clip image.Rectangle) {
		var dst draw.Image
		if y, ok := img.(*image.YCbCr); ok {
			dst = &ycbcrDrawer{y}
		} else {
			dst = img.(draw.Image)
		}
		draw.Draw(dst, clip.Intersect(r), patch, clip.Intersect(r).Min.Sub(r.Min), draw.Over)
	})
}

// ycbcrDrawer lets image/draw paint on an *image.YCbCr, one pixel at a
// time (its chroma samples take the last pixel's value).
type ycbcrDrawer struct{ *image.YCbCr }

func (d *ycbcrDrawer) Set(x, y int, c color.Color) {
	r, g, b, _ := c.RGBA()
	yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(b>>8))
	d.Y[d.YOffset(x, y)] = yy
	i := d.COffset(x, y)
	d.Cb[i], d.Cr[i] = cb, cr
}

// mustHave fails unless err is nil; a missing tool skips instead.
func mustMake(t *testing.T, mk func(testing.TB) []byte) []byte {
	t.Helper()
	data := mk(t)
	if data == nil {
		t.Skip("fixture tool (cjpeg or convert) not installed")
	}
	return data
}

// withApps puts the source's APPn and COM segments back after SOI, as a
// caller's metadata writer does.
func withApps(f *File, out []byte) []byte {
	b := append([]byte{}, out[:2]...)
	for _, sg := range f.Segs {
		if isAppOrCOM(sg.Marker) && sg.Off < f.Scans[0].Start {
			b = append(b, f.Data[sg.Off:sg.End]...)
		}
	}
	return append(b, out[2:]...)
}
