package jpegcoef

import "math"

// The inverse DCT is the Arai–Agui–Nakajima factorisation in float32, as
// libjpeg's jidctflt.c: its per-frequency scale is folded into the
// dequantisation table, so a block costs 80 multiplications. It only runs
// on the label's blocks, to show the caller the pixels it draws over.

// dequant is a quantisation table scaled for the float IDCT, in zigzag
// order like the coefficients.
type dequant [64]float32

func newDequant(q *[64]uint16) *dequant {
	var d dequant
	for k := range 64 {
		n := int(unzig[k])
		d[k] = float32(float64(q[n]) * aan(n%8) * aan(n/8) / 8)
	}
	return &d
}

// aan is the scale AAN leaves on frequency k of one pass.
func aan(k int) float64 {
	if k == 0 {
		return 1
	}
	return math.Cos(float64(k)*math.Pi/16) * math.Sqrt2
}

// idct turns one block of quantised coefficients (zigzag order) into
// samples, rounded, level-shifted and clamped, into dst at stride.
func idct(blk []int16, q *dequant, dst []byte, stride int) {
	var ws [64]float32
	for k, v := range blk[:64] {
		if v != 0 {
			ws[unzig[k]] = float32(v) * q[k]
		}
	}
	for c := range 8 {
		idctPass(&ws, c, 8)
	}
	for r := range 8 {
		idctPass(&ws, r*8, 1)
		row := dst[r*stride : r*stride+8]
		for c := range 8 {
			row[c] = clampSample(ws[r*8+c])
		}
	}
}

func clampSample(v float32) byte {
	v += 128.5
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return byte(v)
}

// idctPass transforms the 8 values at ws[o], ws[o+step], ... in place.
func idctPass(ws *[64]float32, o, step int) {
	in := func(i int) float32 { return ws[o+i*step] }
	t10, t11 := in(0)+in(4), in(0)-in(4)
	t13 := in(2) + in(6)
	t12 := (in(2)-in(6))*1.414213562 - t13
	e0, e3, e1, e2 := t10+t13, t10-t13, t11+t12, t11-t12

	z13, z10 := in(5)+in(3), in(5)-in(3)
	z11, z12 := in(1)+in(7), in(1)-in(7)
	o7 := z11 + z13
	o11 := (z11 - z13) * 1.414213562
	z5 := (z10 + z12) * 1.847759065
	o10 := z5 - z12*1.082392200
	o12 := z5 - z10*2.613125930
	o6 := o12 - o7
	o5 := o11 - o6
	o4 := o10 - o5

	ws[o], ws[o+7*step] = e0+o7, e0-o7
	ws[o+step], ws[o+6*step] = e1+o6, e1-o6
	ws[o+2*step], ws[o+5*step] = e2+o5, e2-o5
	ws[o+3*step], ws[o+4*step] = e3+o4, e3-o4
}
