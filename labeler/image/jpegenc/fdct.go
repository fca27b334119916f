package jpegenc

import "math"

// The forward DCT is the Arai–Agui–Nakajima factorisation in float32: five
// multiplications per 8-point pass instead of the eleven or more of a
// direct integer version. Its outputs are the true DCT scaled per
// frequency; that scale is folded into the quantizer reciprocals, so it
// costs nothing. Float keeps it as accurate as libjpeg's float DCT, which
// matters because we promise no drift beyond one re-encode.

const (
	c4    = 0.707106781 // cos(4π/16)
	c6mc2 = 0.382683433 // cos(6π/16)
	c2mc6 = 0.541196100 // cos(2π/16) - cos(6π/16)
	c2pc6 = 1.306562965 // cos(2π/16) + cos(6π/16)
)

// fdct transforms blk in place: rows first, then columns.
func fdct(blk *[64]float32) {
	for r := 0; r < 64; r += 8 {
		row := (*[8]float32)(blk[r : r+8])
		fdct8(&row[0], &row[1], &row[2], &row[3], &row[4], &row[5], &row[6], &row[7])
	}
	for c := range 8 {
		fdct8(&blk[c], &blk[c+8], &blk[c+16], &blk[c+24], &blk[c+32], &blk[c+40], &blk[c+48], &blk[c+56])
	}
}

// fdct8 is one AAN pass over eight samples addressed by pointer, so the
// same code serves rows and columns; the compiler inlines it.
func fdct8(p0, p1, p2, p3, p4, p5, p6, p7 *float32) {
	t0, t7 := *p0+*p7, *p0-*p7
	t1, t6 := *p1+*p6, *p1-*p6
	t2, t5 := *p2+*p5, *p2-*p5
	t3, t4 := *p3+*p4, *p3-*p4

	e0, e3 := t0+t3, t0-t3
	e1, e2 := t1+t2, t1-t2
	*p0, *p4 = e0+e1, e0-e1
	z1 := (e2 + e3) * c4
	*p2, *p6 = e3+z1, e3-z1

	o0, o1, o2 := t4+t5, t5+t6, t6+t7
	z5 := (o0 - o2) * c6mc2
	z2 := c2mc6*o0 + z5
	z4 := c2pc6*o2 + z5
	z3 := o1 * c4
	z11, z13 := t7+z3, t7-z3
	*p5, *p3 = z13+z2, z13-z2
	*p1, *p7 = z11+z4, z11-z4
}

// aanScale[k] is the factor AAN leaves on frequency k of one pass.
var aanScale = func() (s [8]float64) {
	s[0] = 1
	for k := 1; k < 8; k++ {
		s[k] = math.Cos(float64(k)*math.Pi/16) * math.Sqrt2
	}
	return s
}()

// reciprocals turns a natural-order quantization table into multipliers
// laid out in zigzag order, so quantize reads coefficients through the
// zigzag map and writes its results in the order they are coded. The
// factor 8 is the JPEG DCT's normalisation, 1/4·C(u)·C(v), which AAN omits.
func reciprocals(q *[64]uint16) (r [64]float32) {
	for k := range 64 {
		n := zigzag[k]
		u, v := n%8, n/8
		r[k] = float32(1 / (float64(q[n]) * aanScale[u] * aanScale[v] * 8))
	}
	return r
}

// quantize rounds blk·recip into out in zigzag order and returns a mask
// with bit k set where out[k] is not zero, so the entropy coder can jump
// from one non-zero coefficient to the next.
func quantize(blk *[64]float32, recip *[64]float32, out *[64]int32) uint64 {
	var mask uint64
	for k := range 64 {
		// Adding 16384.5 and truncating rounds half up without a branch;
		// baseline coefficients stay far inside ±16384.
		c := int32(blk[zigzag[k]]*recip[k]+16384.5) - 16384
		out[k] = c
		mask |= uint64(uint32(c|-c)>>31) << k
	}
	return mask
}
