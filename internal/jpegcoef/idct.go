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
		col := (*[57]float32)(ws[c:])
		if col[8] == 0 && col[16] == 0 && col[24] == 0 && col[32] == 0 && col[40] == 0 && col[48] == 0 && col[56] == 0 {
			for i := 8; i < 64; i += 8 {
				col[i] = col[0] // only DC: the column is flat
			}
			continue
		}
		o := aanIDCT(col[0], col[8], col[16], col[24], col[32], col[40], col[48], col[56])
		for i, v := range o {
			col[i*8] = v
		}
	}
	for y := range 8 {
		row := (*[8]float32)(ws[y*8:])
		o := aanIDCT(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
		out := dst[y*stride : y*stride+8 : y*stride+8]
		for x, v := range o {
			out[x] = clampSample(v)
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

// aanIDCT is one 8-point pass of jidctflt.c's factorisation.
func aanIDCT(i0, i1, i2, i3, i4, i5, i6, i7 float32) [8]float32 {
	t10, t11 := i0+i4, i0-i4
	t13 := i2 + i6
	t12 := (i2-i6)*1.414213562 - t13
	e0, e3, e1, e2 := t10+t13, t10-t13, t11+t12, t11-t12

	z13, z10 := i5+i3, i5-i3
	z11, z12 := i1+i7, i1-i7
	o7 := z11 + z13
	o11 := (z11 - z13) * 1.414213562
	z5 := (z10 + z12) * 1.847759065
	o10 := z5 - z12*1.082392200
	o12 := z5 - z10*2.613125930
	o6 := o12 - o7
	o5 := o11 - o6
	o4 := o10 - o5
	return [8]float32{e0 + o7, e1 + o6, e2 + o5, e3 + o4, e3 - o4, e2 - o5, e1 - o6, e0 - o7}
}
