package jpegscale

import (
	"image"
	"testing"
)

// plane is one channel of a picture as a w×h grid with a stride.
type plane struct {
	pix       []byte
	stride    int
	w, h      int
	off, step int // byte offset and distance between samples in pix
}

func (p plane) at(x, y int) int { return int(p.pix[y*p.stride+p.off+x*p.step]) }

// planes splits the picture types DecodeEighth returns, and the same
// types from image/jpeg, into channels that can be compared one to one.
func planes(t testing.TB, img image.Image) []plane {
	t.Helper()
	r := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		return []plane{{m.Pix, m.Stride, r.Dx(), r.Dy(), 0, 1}}
	case *image.YCbCr:
		cw, ch := m.CStride, len(m.Cb)/max(m.CStride, 1)
		return []plane{
			{m.Y, m.YStride, r.Dx(), r.Dy(), 0, 1},
			{m.Cb, m.CStride, cw, ch, 0, 1},
			{m.Cr, m.CStride, cw, ch, 0, 1},
		}
	case *image.CMYK:
		var ps []plane
		for c := range 4 {
			ps = append(ps, plane{m.Pix, m.Stride, r.Dx(), r.Dy(), c, 4})
		}
		return ps
	}
	t.Fatalf("unexpected picture type %T", img)
	return nil
}

// boxMean is the mean of the n×n box (bx, by) of p. Edge boxes are
// completed by repeating the last row and column, as the encoders under
// test pad them: the DC term is the mean of the padded block.
func boxMean(p plane, bx, by, n int) float64 {
	sum := 0
	for y := by * n; y < by*n+n; y++ {
		for x := bx * n; x < bx*n+n; x++ {
			sum += p.at(min(x, p.w-1), min(y, p.h-1))
		}
	}
	return float64(sum) / float64(n*n)
}

// diffStats compares a 1/n channel with the full channel box-filtered.
func diffStats(small, full plane, n int) (mean, maxDiff float64) {
	var sum float64
	for y := range small.h {
		for x := range small.w {
			d := float64(small.at(x, y)) - boxMean(full, x, y, n)
			if d < 0 {
				d = -d
			}
			sum += d
			maxDiff = max(maxDiff, d)
		}
	}
	return sum / float64(small.w*small.h), maxDiff
}
