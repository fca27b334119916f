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

// fdct transforms the samples in src into out, without the level shift
// (see levelShiftDC). Each pass transforms rows and writes them as
// columns, so two passes do rows then columns and leave the block the
// right way round, with one loop body and no calls per row. The first
// pass reads bytes directly, sparing a float copy of the block.
func fdct(out *[64]float32, src *[64]byte) {
	var tmp [64]float32
	fdctPass(&tmp, src)
	fdctPass(out, &tmp)
}

// fdctPass is one AAN 8-point transform of each row of src, stored into
// the matching column of dst. It is generic only so the byte and float
// passes share one body; each instantiation is compiled separately.
func fdctPass[T byte | float32](dst *[64]float32, src *[64]T) {
	for i := range 8 {
		s := (*[8]T)(src[i*8 : i*8+8])
		t0, t7 := float32(s[0])+float32(s[7]), float32(s[0])-float32(s[7])
		t1, t6 := float32(s[1])+float32(s[6]), float32(s[1])-float32(s[6])
		t2, t5 := float32(s[2])+float32(s[5]), float32(s[2])-float32(s[5])
		t3, t4 := float32(s[3])+float32(s[4]), float32(s[3])-float32(s[4])

		e0, e3 := t0+t3, t0-t3
		e1, e2 := t1+t2, t1-t2
		z1 := (e2 + e3) * c4
		dst[i], dst[i+32] = e0+e1, e0-e1
		dst[i+16], dst[i+48] = e3+z1, e3-z1

		o0, o1, o2 := t4+t5, t5+t6, t6+t7
		z5 := (o0 - o2) * c6mc2
		z2 := c2mc6*o0 + z5
		z4 := c2pc6*o2 + z5
		z3 := o1 * c4
		z11, z13 := t7+z3, t7-z3
		dst[i+40], dst[i+24] = z13+z2, z13-z2
		dst[i+8], dst[i+56] = z11+z4, z11-z4
	}
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
		c := int32(blk[zigzag[k]&63]*recip[k]+16384.5) - 16384 // &63 drops a bounds check
		out[k] = c
		mask |= uint64(uint32(c|-c)>>31) << k
	}
	return mask
}

// levelShiftDC is what subtracting 128 from every sample (T.81 A.3.1)
// does to the unnormalised AAN DC output: 64 × 128. Applying it once
// after the transform saves 64 subtractions per block and changes no
// other coefficient, since a constant has no AC energy.
const levelShiftDC = 64 * 128

// Quantizer transforms and quantises 8×8 blocks of samples with one
// table, for callers that code the coefficients themselves.
type Quantizer struct{ recip [64]float32 }

// NewQuantizer prepares q (natural order, as ParseDQT returns it).
func NewQuantizer(q *[64]uint16) *Quantizer { return &Quantizer{recip: reciprocals(q)} }

// Block returns the quantised DCT coefficients of samples (row-major)
// in zigzag order, as they are coded.
func (q *Quantizer) Block(samples *[64]byte, out *[64]int32) {
	var blk [64]float32
	fdct(&blk, samples)
	blk[0] -= levelShiftDC
	quantize(&blk, &q.recip, out)
}
