package jpegcoef

import (
	"image"
	"image/color"
	"math"
)

// lazyImage shows a region's pixels without transforming its blocks: a
// pixel read from an MCU not yet decoded is computed from the
// coefficients at that one point. A label's colour choice samples a few
// thousand pixels, so this costs a fraction of decoding the region.
type lazyImage struct {
	r      *Region
	bounds image.Rectangle
}

func (l *lazyImage) ColorModel() color.Model {
	if l.r.md == modelGray {
		return color.GrayModel
	}
	return color.YCbCrModel
}

func (l *lazyImage) Bounds() image.Rectangle { return l.bounds }

func (l *lazyImage) At(x, y int) color.Color {
	r := l.r
	fr := &r.f.Frame
	if !(image.Point{x, y}.In(l.bounds)) {
		return l.ColorModel().Convert(color.Gray{})
	}
	if r.stream != nil && r.load(y/(8*fr.Vmax), false) != nil {
		return l.ColorModel().Convert(color.Gray{}) // Encode reports the damage
	}
	var s [3]byte
	for i := range fr.Comps {
		p := &r.planes[i]
		s[i] = r.sampleAt(i, x/p.fx, y/p.fy)
	}
	if r.md == modelGray {
		return color.Gray{Y: s[0]}
	}
	return color.YCbCr{Y: s[0], Cb: s[1], Cr: s[2]}
}

// sampleAt evaluates the inverse DCT of component i at its sample
// (sx, sy): a dot product of the block with the weights for that point,
// up to the block's last non-zero coefficient (in zigzag order, where
// photographs' blocks mostly end early: chroma's after a few terms),
// without branches inside, which sparse blocks would mispredict, and in
// four independent sums, so the additions do not wait on each other.
func (r *Region) sampleAt(i, sx, sy int) byte {
	blk := (*[64]int16)(r.st[i].block(sx/8, sy/8))
	w := &r.weights(i)[(sy%8)*8+sx%8]
	var v0, v1, v2, v3 float32
	n := usedTerms(blk)
	for k := 0; k < n; k += 4 {
		b, wk := (*[4]int16)(blk[k:]), (*[4]float32)(w[k:])
		v0 += float32(b[0]) * wk[0]
		v1 += float32(b[1]) * wk[1]
		v2 += float32(b[2]) * wk[2]
		v3 += float32(b[3]) * wk[3]
	}
	return clampSample((v0 + v1) + (v2 + v3))
}

// usedTerms is how many of blk's coefficients, in groups of four, reach
// its last non-zero one, found from the end.
func usedTerms(blk *[64]int16) int {
	for n := 64; n > 0; n -= 4 {
		if blk[n-4]|blk[n-3]|blk[n-2]|blk[n-1] != 0 {
			return n
		}
	}
	return 0
}

// weights are, for each point of a block and each coefficient (zigzag
// order), what one quantised unit of it adds to the sample there.
func (r *Region) weights(i int) *[64][64]float32 {
	if r.pw == nil {
		r.pw = make([]*[64][64]float32, len(r.dq))
	}
	if r.pw[i] == nil {
		w := new([64][64]float32)
		for p := range 64 {
			for k := range 64 {
				w[p][k] = r.dq[i][k] * pointBasis[unzig[k]][p]
			}
		}
		r.pw[i] = w
	}
	return r.pw[i]
}

// pointBasis[n][p] turns a coefficient at natural index n, dequantised
// for the AAN IDCT (see newDequant), into its share of sample p: the DCT
// basis function divided by AAN's scale factors.
var pointBasis = func() (b [64][64]float32) {
	for n := range 64 {
		u, v := n%8, n/8
		for p := range 64 {
			x, y := p%8, p/8
			cu := math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) / aan(u)
			cv := math.Cos(float64(2*y+1)*float64(v)*math.Pi/16) / aan(v)
			b[n][p] = float32(cu * cv * 8 * c0(u) * c0(v) / 4)
		}
	}
	return b
}()

// c0 is the DCT's normalisation C(u): 1/√2 for u = 0.
func c0(u int) float64 {
	if u == 0 {
		return 1 / math.Sqrt2
	}
	return 1
}
